import type { OperatorFunction } from "rxjs";
import { dftMagnitudes } from "../math/dft_magnitudes.ts";
import { lpNorm } from "../math/lp_norm.ts";
import { minMargin } from "../math/min_margin.ts";
import type { Snapshot } from "../engine/snapshot.ts";
import type { MarginData } from "./margin.ts";
import { metric } from "./metric.ts";

/**
 * Adds `margin_dft`, the normalized margin in the ℓ1 norm of the unitary
 * DFT: minₙ yₙ⟨β, xₙ⟩ / ‖β̂‖₁ (the quantity two-layer linear convolutional
 * nets maximize in the limit, Gunasekar et al. 2018).
 *
 * @param data The signed examples zₙ = yₙxₙ.
 * @param options `name` (default `margin_dft`).
 * @returns The operator.
 *
 * @example Usage
 * ```ts
 * import { marginDft } from "./margin_dft.ts";
 * import { train } from "../streams/train.ts";
 *
 * train({
 *   problem: { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } },
 *   steps: 10,
 * }).pipe(marginDft({ z: new Float64Array([0.5, 1.5, 1.5, 0.5]) })).subscribe();
 * ```
 */
export function marginDft(data: MarginData, options: { name?: string } = {}): OperatorFunction<Snapshot, Snapshot> {
  const z = data.z;
  return metric(options.name ?? "margin_dft", (s) => {
    const norm = dftMagnitudes(s.predictor.data).reduce((a, b) => a + b, 0);
    // min zₙ·β / ‖β‖₂ rescaled from the ℓ2 to the DFT-ℓ1 norm.
    return norm === 0 ? NaN : minMargin(z, s.predictor.data, 2) * (lpNorm(s.predictor.data, 2) / norm);
  });
}
