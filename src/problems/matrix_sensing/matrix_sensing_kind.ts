import type { z } from "zod";
import type { ProblemKind } from "../shared/problem_kind.ts";
import { sensingData } from "../shared/sensing_data.ts";
import { type MatrixSensing, matrixSensing } from "./matrix_sensing.ts";
import { matrixSensingPresets } from "./matrix_sensing_presets.ts";
import { matrixSensingReference } from "./matrix_sensing_reference.ts";
import { MatrixSensingSchema, type MatrixSensingSpec } from "./matrix_sensing_schema.ts";
import { sensingMetrics } from "./sensing_metrics.ts";

/** Default U₀ = s·I scale of matrix sensing: X₀ = 10⁻⁶·I, small enough to show the implicit bias. */
export const DEFAULT_IDENTITY_SCALE = 1e-3;

/**
 * Matrix sensing with a factorized X = UUᵀ (or UVᵀ): GD from a small U₀ approaches the minimum nuclear norm
 * solution (docs/experiments.md §5). Starts at U₀ = 10⁻³·I: 0 is a saddle point GD never leaves.
 *
 * @example Usage
 * ```ts
 * import { matrixSensingKind } from "./matrix_sensing_kind.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(matrixSensingKind.kind, "matrix-sensing");
 * ```
 */
export const matrixSensingKind: ProblemKind<
  "matrix-sensing",
  MatrixSensingSpec,
  z.input<typeof MatrixSensingSchema>,
  MatrixSensing
> = {
  kind: "matrix-sensing",
  schema: MatrixSensingSchema,
  defaultInit: { kind: "identity", scale: DEFAULT_IDENTITY_SCALE },
  compile: (spec) =>
    matrixSensing(sensingData(spec.measurements, { n: spec.n, symmetric: spec.symmetric }), {
      rank: spec.rank ?? spec.n,
      symmetric: spec.symmetric,
      reduction: spec.reduction,
    }),
  reference: matrixSensingReference,
  analysis: (problem, _run, reference) => sensingMetrics(problem, reference),
  presets: matrixSensingPresets,
};
