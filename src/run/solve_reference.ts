import type { CompiledRun } from "./compile_run.ts";
import type { ReferenceResult } from "../reference/reference.ts";
import { type KindTypes, PROBLEM_KINDS, type ProblemKindName } from "../problems/problem_kinds.ts";
import type { KindRun } from "../problems/shared/problem_kind.ts";

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
 * import { compileRun } from "./compile_run.ts";
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
  return referenceOf(run.problem.kind, run.problem, run);
}

function referenceOf<K extends ProblemKindName>(
  kind: K,
  problem: KindTypes[K]["problem"],
  run: KindRun,
): Promise<ReferenceResult> {
  return PROBLEM_KINDS[kind].reference(problem, run);
}
