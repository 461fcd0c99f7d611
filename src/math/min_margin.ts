import { lpNorm } from "./lp_norm.ts";

/**
 * The normalized margin of a homogeneous linear predictor β on labelled data:
 * minₙ yₙ⟨β, xₙ⟩ / ‖β‖ₚ, given zₙ = yₙxₙ as the rows of a row-major n×d array.
 *
 * @param z The n×d array of signed examples yₙxₙ, row-major.
 * @param beta The predictor, length d.
 * @param p The norm that normalizes the margin (2 for the SVM margin).
 * @returns The margin; positive iff β separates the data; NaN when β = 0.
 *
 * @example Usage
 * ```ts
 * import { minMargin } from "./min_margin.ts";
 * import assert from "node:assert/strict";
 *
 * const z = new Float64Array([0.5, 1.5, 1.5, 0.5]);
 * const m = minMargin(z, new Float64Array([0.5, 0.5]), 2);
 * assert.ok(Math.abs(m - Math.SQRT2) < 1e-15);
 * ```
 */
export function minMargin(z: ArrayLike<number>, beta: ArrayLike<number>, p = 2): number {
  const d = beta.length;
  if (d === 0 || z.length % d !== 0) {
    throw new RangeError(
      `Cannot compute a margin: ${z.length} data entries do not split into rows of length ${d}`,
    );
  }
  const scale = lpNorm(beta, p);
  if (scale === 0) return NaN;
  const n = z.length / d;
  let min = Infinity;
  for (let i = 0; i < n; i++) {
    let u = 0;
    for (let j = 0; j < d; j++) u += z[i * d + j]! * (beta[j]! / scale);
    if (u < min) min = u;
  }
  return min;
}
