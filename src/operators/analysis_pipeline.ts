import { identity, type OperatorFunction, pipe } from "rxjs";
import type { CompiledRun } from "../engine/compile_run.ts";
import type { LinearClassification } from "../problems/linear_classification.ts";
import type { LeastSquares } from "../problems/least_squares.ts";
import type { Multiclass } from "../problems/multiclass.ts";
import type { ReferenceResult } from "../reference/reference.ts";
import type { Snapshot } from "../streams/snapshot.ts";
import { gradNorm } from "./grad_norm.ts";
import { gradUnderflow } from "./grad_underflow.ts";
import { loss } from "./loss.ts";
import { norm } from "./norm.ts";
import { minMargin } from "../math/min_margin.ts";
import { multiclassMargin } from "../math/multiclass_margin.ts";
import { classificationMetrics } from "./_classification_metrics.ts";
import { leastSquaresMetrics } from "./_least_squares_metrics.ts";
import type { MatrixSensing } from "../problems/matrix_sensing.ts";
import type { LinearConvNet } from "../problems/linear_conv_net.ts";
import type { LinearNet } from "../problems/linear_net.ts";
import { sensingMetrics } from "./sensing_metrics.ts";
import { convNetMetrics } from "./conv_net_metrics.ts";
import { testError } from "./test_error.ts";
import type { Mlp } from "../problems/mlp/mlp.ts";
import { mlpMetrics } from "../problems/mlp/mlp_metrics.ts";

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
 * the Fourier metrics of `convNetMetrics` and `test_error`; networks (`mlp`)
 * the errors, layer norms, path norm and margins of `mlpMetrics`.
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
  const common = pipe(loss(), gradNorm(), gradUnderflow(), norm(2), norm(1), norm(Infinity));
  if (run.problem.kind === "multiclass") {
    const problem = run.problem as Multiclass;
    const { x, y } = problem.data, classes = problem.classes;
    const marginOf = (w: Float64Array, p: number) => multiclassMargin(x, y, w, { classes, p });
    return pipe(common, classificationMetrics(run, marginOf, problem.test, reference, classes));
  }
  if (run.problem.kind === "mlp") return pipe(common, mlpMetrics(run.problem as Mlp));
  if (run.problem.kind === "least-squares") {
    return pipe(common, leastSquaresMetrics(run.problem as LeastSquares, reference));
  }
  if (run.problem.kind === "matrix-sensing") {
    return pipe(common, sensingMetrics(run.problem as MatrixSensing, reference));
  }
  if (run.problem.kind === "linear-conv-net") {
    const problem = run.problem as LinearConvNet;
    return pipe(common, convNetMetrics(problem, reference), problem.test ? testError(problem.test) : identity);
  }
  if (run.problem.kind !== "linear-classification" && run.problem.kind !== "linear-net") return common;
  const problem = run.problem as LinearClassification | LinearNet;
  const marginOf = (w: Float64Array, p: number) => minMargin(problem.z, w, p);
  return pipe(common, classificationMetrics(run, marginOf, problem.test, reference));
}
