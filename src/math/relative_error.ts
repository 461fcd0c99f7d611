import { lpNorm } from "./lp_norm.ts";

/**
 * The relative error ‖a − b‖₂ / ‖b‖₂ of `a` against the reference `b`
 * (the Frobenius norm for matrices stored flat).
 *
 * @param a The estimate.
 * @param b The reference, same length.
 * @returns The relative error; NaN when b = 0.
 *
 * @example Usage
 * ```ts
 * import { relativeError } from "./relative_error.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(relativeError([3, 4], [0, 4]), 0.75);
 * ```
 */
export function relativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) {
    throw new RangeError(`Cannot compute a relative error: lengths ${a.length} and ${b.length} differ`);
  }
  const nb = lpNorm(b, 2);
  if (nb === 0) return NaN;
  const diff = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) diff[i] = a[i]! - b[i]!;
  return lpNorm(diff, 2) / nb;
}
