import { identity, type OperatorFunction, pipe } from "rxjs";
import type { CompiledRun } from "../engine/compile_run.ts";
import type { LinearClassification } from "../problems/linear_classification.ts";
import type { ReferenceResult } from "../reference/reference.ts";
import type { Snapshot } from "../streams/snapshot.ts";
import { angleGap } from "./angle_gap.ts";
import { cosineTo } from "./cosine_to.ts";
import { distTo } from "./dist_to.ts";
import { gradNorm } from "./grad_norm.ts";
import { loss } from "./loss.ts";
import { margin } from "./margin.ts";
import { marginGap } from "./margin_gap.ts";
import { norm } from "./norm.ts";
import type { MatrixSensing } from "../problems/matrix_sensing.ts";
import type { LinearConvNet } from "../problems/linear_conv_net.ts";
import { sensingMetrics } from "./sensing_metrics.ts";
import { convNetMetrics } from "./conv_net_metrics.ts";

/**
 * The default operators for a run's problem, given its reference solution:
 * for linear classification and deep linear nets `loss`, `grad_norm`, `norm`,
 * `norm_l1`, `norm_linf`, `margin`, and, when there is a reference,
 * `cos_ref`, `angle_gap`, `margin_gap` and `dist_ref`; for matrix sensing
 * the spectrum and recovery metrics of `sensingMetrics`; for convolutional
 * nets the Fourier metrics of `convNetMetrics`.
 *
 * @param run The compiled run.
 * @param reference Its reference solution (or the reason there is none).
 * @returns One operator applying them all, in that order.
 *
 * @example Usage
 * ```ts
 * import { analysisPipeline } from "./analysis_pipeline.ts";
 * import { compileRun } from "../engine/compile_run.ts";
 * import { solveReference } from "../reference/solve_reference.ts";
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
  const common = pipe(loss(), gradNorm(), norm(2), norm(1), norm(Infinity));
  if (run.problem.kind === "matrix-sensing") {
    return pipe(common, sensingMetrics(run.problem as MatrixSensing, reference));
  }
  if (run.problem.kind === "linear-conv-net") {
    return pipe(common, convNetMetrics(run.problem as LinearConvNet, reference));
  }
  if (run.problem.kind !== "linear-classification" && run.problem.kind !== "linear-net") return common;
  const problem = run.problem as LinearClassification;
  const withRef: OperatorFunction<Snapshot, Snapshot> = reference.predictor === null ? identity : pipe(
    cosineTo(reference.predictor),
    angleGap(reference.predictor),
    marginGap(problem, reference.margin ?? NaN),
    distTo(reference.predictor),
  );
  return pipe(common, margin(problem), withRef);
}
