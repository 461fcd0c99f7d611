/**
 * The ℓp norm of a vector, for p ≥ 1 or p = ∞.
 *
 * p = 2 uses the scaled sum of squares of LAPACK's dnrm2 (as in stdlib's
 * `@stdlib/blas/base/dnrm2`) so that it neither overflows nor underflows; other
 * finite p are scaled by the largest magnitude for the same reason.
 *
 * @param x The vector.
 * @param p The order: a number ≥ 1, or `Infinity`.
 * @returns ‖x‖ₚ (0 for an empty vector; NaN if an entry is NaN).
 *
 * @example Usage
 * ```ts
 * import { lpNorm } from "./lp_norm.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(lpNorm(new Float64Array([3, -4]), 2), 5);
 * assert.equal(lpNorm(new Float64Array([3, -4]), 1), 7);
 * assert.equal(lpNorm(new Float64Array([3, -4]), Infinity), 4);
 * ```
 */
export function lpNorm(x: ArrayLike<number>, p: number): number {
  if (!(p >= 1)) {
    throw new RangeError(`Cannot compute an lp norm: p must be at least 1 but was ${p}`);
  }
  const n = x.length;
  if (p === 1) {
    let s = 0;
    for (let i = 0; i < n; i++) s += Math.abs(x[i]!);
    return s;
  }
  let amax = 0;
  for (let i = 0; i < n; i++) {
    const a = Math.abs(x[i]!);
    if (Number.isNaN(a)) return NaN;
    if (a > amax) amax = a;
  }
  if (p === Infinity || amax === 0 || amax === Infinity) return amax;
  if (p === 2) {
    let scale = 0, ssq = 1;
    for (let i = 0; i < n; i++) {
      const a = Math.abs(x[i]!);
      if (a === 0) continue;
      if (scale < a) {
        ssq = 1 + ssq * (scale / a) ** 2;
        scale = a;
      } else {
        ssq += (a / scale) ** 2;
      }
    }
    return scale * Math.sqrt(ssq);
  }
  let s = 0;
  for (let i = 0; i < n; i++) s += (Math.abs(x[i]!) / amax) ** p;
  return amax * s ** (1 / p);
}
