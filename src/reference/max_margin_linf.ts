import type { ReferenceResult } from "./reference.ts";
import { maxMarginLp } from "./_max_margin_lp.ts";

/**
 * The ℓ∞ hard-margin separator without bias: ŵ = argmin ‖w‖_∞ s.t.
 * ⟨zₙ, w⟩ ≥ 1 for all n, zₙ = yₙxₙ, solved as a linear program (HiGHS).
 * Steepest descent w.r.t. ℓ∞ — sign descent — on separable data with the
 * exponential loss converges in direction to such a separator (Gunasekar,
 * Lee, Soudry & Srebro, ICML 2018). The minimizer need not be unique, so
 * compare normalized margins minₙ⟨zₙ, w⟩/‖w‖_∞, not directions.
 *
 * @param z The signed examples yₙxₙ, row-major n×d.
 * @param d The number of features.
 * @returns ŵ (rescaled to be exactly feasible) with its ℓ∞ margin and the
 *   examples at margin 1, or the reason there is none.
 *
 * @example Usage
 * ```ts
 * import { maxMarginLinf } from "./max_margin_linf.ts";
 * import assert from "node:assert/strict";
 *
 * // One point z: the ℓ∞ max margin is ‖z‖₁, at ŵ = sign(z)/‖z‖₁.
 * const ref = await maxMarginLinf(new Float64Array([1, -3]), 2);
 * assert.ok(ref.predictor !== null && Math.abs(ref.margin! - 4) < 1e-12);
 * ```
 */
export function maxMarginLinf(z: Float64Array, d: number): Promise<ReferenceResult> {
  return maxMarginLp(z, d, Infinity);
}
