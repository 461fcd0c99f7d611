import { identity, type OperatorFunction, pipe } from "rxjs";
import { nuclearNorm } from "../../math/nuclear_norm.ts";
import type { MatrixSensing } from "./matrix_sensing.ts";
import type { ReferenceResult } from "../../reference/reference.ts";
import type { Snapshot } from "../../engine/snapshot.ts";
import { metric } from "../../operators/metric.ts";
import { relErrTo } from "../../operators/rel_err_to.ts";
import { spectrum } from "../../operators/spectrum.ts";

/**
 * The metrics of a matrix sensing run: the spectrum of X (`norm_nuclear`,
 * `rank_eff`, `sv_0` … `sv_{k−1}` with k = min(n, 16)), `rel_err_truth`
 * (‖X − X*‖_F/‖X*‖_F) when the truth is known, and, when there is a
 * reference X̄ (the minimum nuclear norm solution), `rel_err_ref`
 * (‖X − X̄‖_F/‖X̄‖_F) and `nuclear_gap` (‖X‖_* − ‖X̄‖_*).
 *
 * @param problem The matrix sensing problem.
 * @param reference Its reference solution (or the reason there is none).
 * @returns One operator adding them all.
 *
 * @example Usage
 * ```ts ignore
 * train(run).pipe(sensingMetrics(run.problem as MatrixSensing, await solveReference(run)));
 * ```
 */
export function sensingMetrics(
  problem: MatrixSensing,
  reference: ReferenceResult,
): OperatorFunction<Snapshot, Snapshot> {
  const truth = problem.truth;
  const withTruth: OperatorFunction<Snapshot, Snapshot> = truth ? relErrTo(truth, { name: "rel_err_truth" }) : identity;
  if (reference.predictor === null) return pipe(spectrum(), withTruth);
  const refNorm = nuclearNorm(reference.predictor.data, problem.n);
  return pipe(
    spectrum(),
    withTruth,
    relErrTo(reference.predictor),
    metric("nuclear_gap", (s) => (s.metrics.norm_nuclear ?? NaN) - refNorm),
  );
}
