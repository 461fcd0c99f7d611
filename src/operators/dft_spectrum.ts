import { map, type OperatorFunction } from "rxjs";
import { dftMagnitudes } from "../math/dft_magnitudes.ts";
import type { Snapshot } from "../engine/snapshot.ts";
import { withMetrics } from "./with_metrics.ts";

/**
 * Adds the Fourier spectrum of a vector predictor β ∈ ℝᵈ (unitary DFT, as in
 * Gunasekar et al. 2018): `dft_0` … `dft_⌊d/2⌋`, the moduli |β̂ₖ| of the half
 * spectrum (|β̂_{d−k}| = |β̂ₖ| for real β), and `norm_dft_l1` = Σₖ|β̂ₖ| over
 * all d frequencies, the norm whose max margin two-layer linear convolutional
 * nets reach.
 *
 * @returns The operator.
 *
 * @example Usage
 * ```ts
 * import { dftSpectrum } from "./dft_spectrum.ts";
 * import { train } from "../streams/train.ts";
 *
 * train({
 *   problem: { kind: "linear-conv-net", depth: 2, data: { kind: "separable", n: 4, d: 6 } },
 *   steps: 10,
 * }).pipe(dftSpectrum()).subscribe((s) => s.metrics.norm_dft_l1);
 * ```
 */
export function dftSpectrum(): OperatorFunction<Snapshot, Snapshot> {
  return map((s) => {
    const mags = dftMagnitudes(s.predictor.data);
    const metrics: Record<string, number> = { norm_dft_l1: mags.reduce((a, b) => a + b, 0) };
    for (let k = 0; k <= Math.floor(mags.length / 2); k++) metrics[`dft_${k}`] = mags[k]!;
    return withMetrics(s, metrics);
  });
}
