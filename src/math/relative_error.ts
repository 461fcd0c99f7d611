import { lpNorm } from "./lp_norm.ts";

/**
 * The relative error ‖a − ref‖₂ / ‖ref‖₂ (scaled so that neither norm
 * overflows).
 *
 * @param a The vector.
 * @param ref The reference, same length.
 * @returns The relative error; 0 when both are zero, NaN when only `ref` is.
 *
 * @example Usage
 * ```ts
 * import { relativeError } from "./relative_error.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(relativeError(new Float64Array([3, 4]), new Float64Array([3, 0])), 4 / 3);
 * ```
 */
export function relativeError(a: ArrayLike<number>, ref: ArrayLike<number>): number {
  if (a.length !== ref.length) {
    throw new RangeError(`Cannot compute a relative error: vectors have lengths ${a.length} and ${ref.length}`);
  }
  const diff = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) diff[i] = a[i]! - ref[i]!;
  const num = lpNorm(diff, 2), den = lpNorm(ref, 2);
  if (den === 0) return num === 0 ? 0 : NaN;
  return num / den;
}
