import { identity, type OperatorFunction, pipe } from "rxjs";
import type { MatrixSensing } from "./matrix_sensing.ts";
import type { ReferenceResult } from "../../reference/reference.ts";
import type { Snapshot } from "../../engine/snapshot.ts";
import { angleGap } from "../../operators/angle_gap.ts";
import { cosineTo } from "../../operators/cosine_to.ts";
import { metric } from "../../operators/metric.ts";
import { spectrum } from "../../operators/spectrum.ts";

/**
 * The metrics of a 1-bit matrix sensing run (a classification loss on
 * X = UUᵀ or UVᵀ): the spectrum of X (`norm_nuclear`, `rank_eff`, `sv_k`),
 * `margin_nuclear` = minᵢ yᵢ⟨Aᵢ, X⟩ / ‖X‖_* (the normalized margin the
 * theorem is about), and against the reference X̄ (the minimum nuclear norm
 * max-margin matrix) `margin_gap` (its margin minus the run's: ≥ 0, → 0),
 * `margin_ratio` (the run's over its), and `cos_ref` / `angle_gap` between
 * X and X̄ in the Frobenius inner product.
 *
 * @param problem The 1-bit sensing problem.
 * @param reference Its reference (or the reason there is none).
 * @returns One operator adding them all.
 *
 * @example Usage
 * ```ts ignore
 * train(run).pipe(onebitMetrics(run.problem as MatrixSensing, await solveReference(run)));
 * ```
 */
export function onebitMetrics(
  problem: MatrixSensing,
  reference: ReferenceResult,
): OperatorFunction<Snapshot, Snapshot> {
  const { operator, y } = problem, f = new Float64Array(operator.m);
  const margin = metric("margin_nuclear", (s) => {
    operator.measure(s.predictor.data, f);
    let least = Infinity;
    for (let i = 0; i < f.length; i++) least = Math.min(least, y[i]! * f[i]!);
    const norm = s.metrics.norm_nuclear ?? NaN;
    return norm > 0 ? least / norm : NaN;
  });
  if (reference.predictor === null) return pipe(spectrum(), margin);
  const refMargin = reference.margin ?? NaN;
  return pipe(
    spectrum(),
    margin,
    metric("margin_gap", (s) => refMargin - (s.metrics.margin_nuclear ?? NaN)),
    metric("margin_ratio", (s) => (s.metrics.margin_nuclear ?? NaN) / refMargin),
    refMargin > 0 ? pipe(cosineTo(reference.predictor), angleGap(reference.predictor)) : identity,
  );
}
