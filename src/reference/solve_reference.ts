import type { CompiledRun } from "../engine/compile_run.ts";
import type { ReferenceResult } from "./reference.ts";
import { classificationReference, multiclassReference } from "./_classification_reference.ts";
import { leastSquaresReference } from "./_least_squares_reference.ts";
import { convNetReference, linearNetReference, matrixSensingReference } from "./_factorized_reference.ts";

/**
 * The solution the theorems predict for a run's problem and optimizer, e.g.
 * the L2 max-margin separator for (S)GD, momentum GD or normalized GD on
 * linear classification; the ℓ1 (ℓ∞) max-margin separator for steepest
 * descent w.r.t. ℓ1 (ℓ∞) and greedy coordinate descent (ℓ1); the multiclass
 * SVM for GD-like methods on softmax cross-entropy; w₀ + X⁺(y − Xw₀) for
 * GD-like methods on least squares, the minimum-ℓp interpolant for mirror
 * descent from 0; for GD-like methods the L2 max margin on deep linear nets,
 * the ℓ1-DFT max margin on two-layer linear convolutional nets, and the
 * minimum nuclear norm solution on matrix sensing; and none, with the
 * reason, where the limit depends on the step size (AdaGrad, Adam, steepest
 * ℓp with p ≠ 2 on least squares, …).
 *
 * @param run A compiled run.
 * @returns The reference, or the reason there is none.
 *
 * @example Usage
 * ```ts
 * import { solveReference } from "./solve_reference.ts";
 * import { compileRun } from "../engine/compile_run.ts";
 * import assert from "node:assert/strict";
 *
 * const ref = await solveReference(compileRun({
 *   problem: { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } },
 *   steps: 10,
 * }));
 * assert.equal(ref.kind, "max-margin-l2");
 * ```
 */
export function solveReference(run: CompiledRun): Promise<ReferenceResult> {
  const { problem } = run;
  switch (problem.kind) {
    case "linear-classification":
      return classificationReference(run);
    case "multiclass":
      return multiclassReference(run);
    case "least-squares":
      return leastSquaresReference(run);
    case "matrix-sensing":
      return matrixSensingReference(run);
    case "linear-net":
      return linearNetReference(run);
    case "linear-conv-net":
      return convNetReference(run);
    default:
      return Promise.resolve({
        kind: "none",
        predictor: null,
        error: `No reference solution is known for ${problem.kind} with ${run.spec.optimizer.kind}`,
      });
  }
}
