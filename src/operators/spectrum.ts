import { map, type OperatorFunction } from "rxjs";
import { effectiveRank } from "../math/effective_rank.ts";
import { singularValues } from "../math/singular_values.ts";
import type { Snapshot } from "../engine/snapshot.ts";
import { withMetrics } from "./with_metrics.ts";

/** Default number of singular values {@link spectrum} reports. */
export const SPECTRUM_DEFAULT_COUNT = 16;

/**
 * Adds the spectrum of a matrix predictor (X for matrix sensing), from one
 * SVD per snapshot: `norm_nuclear` (‖X‖_* = Σσᵢ), `rank_eff` (the effective
 * rank exp H(σ/Σσ), see `effectiveRank`) and the largest singular values
 * `sv_0` ≥ `sv_1` ≥ … ≥ `sv_{k−1}`, with k = min(count, min(rows, cols)).
 * A vector predictor is treated as one row.
 *
 * @param options `count`: how many singular values to report (default 16).
 * @returns The operator.
 *
 * @example Usage
 * ```ts
 * import { spectrum } from "./spectrum.ts";
 * import { train } from "../streams/train.ts";
 *
 * train({
 *   problem: { kind: "matrix-sensing", n: 4, measurements: { kind: "gaussian", m: 6, truthRank: 1 } },
 *   optimizer: { kind: "gd", lr: 0.05 },
 *   steps: 10,
 * }).pipe(spectrum({ count: 2 })).subscribe((s) => [s.metrics.norm_nuclear, s.metrics.sv_0]);
 * ```
 */
export function spectrum(options: { count?: number } = {}): OperatorFunction<Snapshot, Snapshot> {
  const count = options.count ?? SPECTRUM_DEFAULT_COUNT;
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(`Cannot add a spectrum: count must be a nonnegative integer but was ${count}`);
  }
  return map((s) => {
    const shape = s.predictor.shape;
    const rows = shape.length === 2 ? shape[0]! : 1;
    const sv = singularValues(s.predictor.data, rows);
    const metrics: Record<string, number> = {
      norm_nuclear: sv.reduce((a, b) => a + b, 0),
      rank_eff: effectiveRank(sv),
    };
    for (let k = 0; k < Math.min(count, sv.length); k++) metrics[`sv_${k}`] = sv[k]!;
    return withMetrics(s, metrics);
  });
}
