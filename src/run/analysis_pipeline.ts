import { type OperatorFunction, pipe } from "rxjs";
import type { CompiledRun } from "./compile_run.ts";
import type { ReferenceResult } from "../reference/reference.ts";
import type { Snapshot } from "../engine/snapshot.ts";
import { gradNorm } from "../operators/grad_norm.ts";
import { gradUnderflow } from "../operators/grad_underflow.ts";
import { loss } from "../operators/loss.ts";
import { norm } from "../operators/norm.ts";
import { stopWhen } from "../operators/stop_when.ts";
import { type KindTypes, PROBLEM_KINDS, type ProblemKindName } from "../problems/problem_kinds.ts";
import type { KindRun } from "../problems/shared/problem_kind.ts";

/**
 * The default operators for a run's problem, given its reference solution:
 * always `loss`, `grad_norm`, `norm`, `norm_l1`, `norm_linf` (and, on
 * float32 engines, `grad_underflow`); for linear
 * classification and multiclass `margin` (in the run's own norm: ℓp for
 * steepest descent w.r.t. ℓp), `margin_l1`, `margin_l2`, `margin_linf`,
 * `test_error` with a held-out set, and, when there is a reference,
 * `margin_gap` (in the reference's norm) and, for ℓ2 references, `cos_ref`,
 * `angle_gap` and `dist_ref`; for least squares `rel_err_ref`, `test_mse`,
 * and `test_error` when the held-out targets are ±1; deep linear nets get
 * the metrics of linear classification (on β = (W_L⋯W₁)ᵀ); matrix sensing
 * the spectrum and recovery metrics of `sensingMetrics`; convolutional nets
 * the Fourier metrics of `convNetMetrics` and `test_error`. Last, the spec's
 * `stop` rule (if any) ends the run at the first snapshot that meets it.
 *
 * @param run The compiled run.
 * @param reference Its reference solution (or the reason there is none).
 * @returns One operator applying them all, in that order.
 *
 * @example Usage
 * ```ts
 * import { analysisPipeline } from "./analysis_pipeline.ts";
 * import { compileRun } from "./compile_run.ts";
 * import { solveReference } from "./solve_reference.ts";
 * import { train } from "../streams/train.ts";
 *
 * const run = compileRun({
 *   problem: { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } },
 *   steps: 10,
 * });
 * train(run).pipe(analysisPipeline(run, await solveReference(run))).subscribe();
 * ```
 */
export function analysisPipeline(run: CompiledRun, reference: ReferenceResult): OperatorFunction<Snapshot, Snapshot> {
  const common = pipe(loss(), gradNorm(), gradUnderflow(), norm(2), norm(1), norm(Infinity));
  return pipe(common, analysisOf(run.problem.kind, run.problem, run, reference), stopWhen(run.spec.stop));
}

/** The kind's own metrics, from its descriptor. */
function analysisOf<K extends ProblemKindName>(
  kind: K,
  problem: KindTypes[K]["problem"],
  run: KindRun,
  reference: ReferenceResult,
): OperatorFunction<Snapshot, Snapshot> {
  return PROBLEM_KINDS[kind].analysis(problem, run, reference);
}
