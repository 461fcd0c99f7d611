import type { ReferenceResult } from "./reference.ts";
import { maxMarginLp } from "./_max_margin_lp.ts";

/**
 * The ℓ1 hard-margin separator without bias: ŵ = argmin ‖w‖₁ s.t. ⟨zₙ, w⟩ ≥ 1
 * for all n, zₙ = yₙxₙ, solved as a linear program (HiGHS). Steepest descent
 * w.r.t. ℓ1 — greedy coordinate descent, the AdaBoost connection — on
 * separable data with the exponential loss converges in direction to such a
 * separator (Gunasekar, Lee, Soudry & Srebro, ICML 2018). The minimizer need
 * not be unique, so compare normalized margins minₙ⟨zₙ, w⟩/‖w‖₁, not
 * directions; `margin` is that of the returned ŵ, i.e. 1/‖ŵ‖₁.
 *
 * @param z The signed examples yₙxₙ, row-major n×d.
 * @param d The number of features.
 * @returns ŵ (rescaled to be exactly feasible) with its ℓ1 margin and the
 *   examples at margin 1, or the reason there is none.
 *
 * @example Usage
 * ```ts
 * import { maxMarginL1 } from "./max_margin_l1.ts";
 * import assert from "node:assert/strict";
 *
 * // One point z: the ℓ1 max margin is ‖z‖_∞, on the largest coordinate.
 * const ref = await maxMarginL1(new Float64Array([1, 3]), 2);
 * assert.ok(ref.predictor !== null && Math.abs(ref.margin! - 3) < 1e-12);
 * ```
 */
export function maxMarginL1(z: Float64Array, d: number): Promise<ReferenceResult> {
  return maxMarginLp(z, d, 1);
}
