import { lpNorm } from "./lp_norm.ts";

/**
 * The cosine of the angle between two vectors, ⟨a, b⟩ / (‖a‖‖b‖), computed on
 * the unit vectors so that large or tiny magnitudes do not overflow.
 *
 * @param a A vector.
 * @param b A vector of the same length.
 * @returns The cosine in [−1, 1], or NaN when either vector is zero.
 *
 * @example Usage
 * ```ts
 * import { cosine } from "./cosine.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(cosine(new Float64Array([1, 0]), new Float64Array([0, 2])), 0);
 * ```
 */
export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) {
    throw new RangeError(
      `Cannot compute a cosine: vectors have lengths ${a.length} and ${b.length}`,
    );
  }
  const na = lpNorm(a, 2), nb = lpNorm(b, 2);
  if (na === 0 || nb === 0) return NaN;
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i]! / na) * (b[i]! / nb);
  return Math.max(-1, Math.min(1, s));
}
