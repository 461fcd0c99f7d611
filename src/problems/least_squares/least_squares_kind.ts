import type { z } from "zod";
import { loadTargetData } from "../shared/load_target_data.ts";
import type { ProblemKind } from "../shared/problem_kind.ts";
import { type LeastSquares, leastSquares } from "./least_squares.ts";
import { leastSquaresMetrics } from "./least_squares_metrics.ts";
import { leastSquaresPresets } from "./least_squares_presets.ts";
import { leastSquaresReference } from "./least_squares_reference.ts";
import { LeastSquaresSchema, type LeastSquaresSpec } from "./least_squares_schema.ts";

/**
 * Least squares with a linear predictor: GD-like methods from w₀ go to w₀ + X⁺(y − Xw₀), mirror descent to the
 * minimum-ℓp interpolant (docs/experiments.md §4, §8).
 *
 * @example Usage
 * ```ts
 * import { leastSquaresKind } from "./least_squares_kind.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(leastSquaresKind.kind, "least-squares");
 * ```
 */
export const leastSquaresKind: ProblemKind<
  "least-squares",
  LeastSquaresSpec,
  z.input<typeof LeastSquaresSchema>,
  LeastSquares
> = {
  kind: "least-squares",
  schema: LeastSquaresSchema,
  defaultInit: { kind: "zeros" },
  compile(spec, options) {
    const data = loadTargetData(spec.data, { ...options, path: "problem.data" });
    const test = spec.test ? loadTargetData(spec.test, { ...options, path: "problem.test", testFor: data }) : null;
    return leastSquares(data, { reduction: spec.reduction, test });
  },
  reference: leastSquaresReference,
  analysis: (problem, _run, reference) => leastSquaresMetrics(problem, reference),
  presets: leastSquaresPresets,
};
