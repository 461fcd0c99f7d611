import { lpNorm } from "./lp_norm.ts";

/**
 * The largest singular value of a row-major n×d matrix, by power iteration on
 * XᵀX (each iteration is two passes over X, nothing of size d² is formed).
 *
 * @param x The matrix, row-major.
 * @param d The number of columns.
 * @param options `tol`: relative change at which to stop (default 1e-13);
 *   `maxIter` (default 10000).
 * @returns σ_max(X) (0 for the zero matrix).
 *
 * @example Usage
 * ```ts
 * import { sigmaMax } from "./sigma_max.ts";
 * import assert from "node:assert/strict";
 *
 * // diag(3, 1) has σ_max = 3
 * assert.ok(Math.abs(sigmaMax(new Float64Array([3, 0, 0, 1]), 2) - 3) < 1e-12);
 * ```
 */
export function sigmaMax(
  x: ArrayLike<number>,
  d: number,
  options: { tol?: number; maxIter?: number } = {},
): number {
  const { tol = 1e-13, maxIter = 10000 } = options;
  if (!Number.isInteger(d) || d <= 0 || x.length % d !== 0) {
    throw new RangeError(`Cannot compute sigma max: ${x.length} entries do not form rows of length ${d}`);
  }
  const n = x.length / d;
  let v = new Float64Array(d);
  // A deterministic start with a component along every axis.
  for (let j = 0; j < d; j++) v[j] = 1 + j / (d + 1);
  let nv = lpNorm(v, 2);
  for (let j = 0; j < d; j++) v[j]! /= nv;
  let sigma2 = 0;
  const xv = new Float64Array(n);
  for (let it = 0; it < maxIter; it++) {
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += x[i * d + j]! * v[j]!;
      xv[i] = s;
    }
    const w = new Float64Array(d);
    for (let i = 0; i < n; i++) {
      const s = xv[i]!;
      for (let j = 0; j < d; j++) w[j]! += x[i * d + j]! * s;
    }
    nv = lpNorm(w, 2);
    if (nv === 0) return 0;
    const prev = sigma2;
    sigma2 = nv;
    for (let j = 0; j < d; j++) w[j]! /= nv;
    v = w;
    if (Math.abs(sigma2 - prev) <= tol * sigma2) break;
  }
  return Math.sqrt(sigma2);
}
