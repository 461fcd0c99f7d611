import type { z } from "zod";
import type { ProblemKind } from "../shared/problem_kind.ts";
import type { MatrixSensing } from "./matrix_sensing.ts";
import { compileMatrixSensing } from "./_compile_matrix_sensing.ts";
import { matrixSensingPresets } from "./matrix_sensing_presets.ts";
import { matrixSensingReference } from "./matrix_sensing_reference.ts";
import { MatrixSensingSchema, type MatrixSensingSpec } from "./matrix_sensing_schema.ts";
import { sensingMetrics } from "./sensing_metrics.ts";

/** Default U₀ = s·I scale of matrix sensing: X₀ = 10⁻⁶·I, small enough to show the implicit bias. */
export const DEFAULT_IDENTITY_SCALE = 1e-3;

/**
 * Matrix sensing with a factorized X = UUᵀ (or UVᵀ): GD from a small U₀ approaches the minimum nuclear norm
 * solution (docs/experiments.md §5); with a classification loss on ±1 labels (1-bit sensing and completion), the
 * minimum nuclear norm max-margin matrix in direction. Starts at U₀ = 10⁻³·I: 0 is a saddle point GD never leaves.
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
  compile: compileMatrixSensing,
  reference: matrixSensingReference,
  analysis: (problem, _run, reference) => sensingMetrics(problem, reference),
  presets: matrixSensingPresets,
};
