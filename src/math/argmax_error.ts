/**
 * The 0–1 error of a linear k-class predictor W ∈ ℝ^{k×d} (row-major): the
 * fraction of examples whose class does not have the strictly largest score
 * ⟨w_c, xₙ⟩. Ties count as errors, so W = 0 has error 1.
 *
 * @param x The examples, row-major n×d.
 * @param labels The classes, integers in 0..k−1.
 * @param w The predictor, row-major k×d.
 * @param k The number of classes.
 * @returns The error in [0, 1].
 *
 * @example Usage
 * ```ts
 * import { argmaxError } from "./argmax_error.ts";
 * import assert from "node:assert/strict";
 *
 * const w = new Float64Array([1, 0, 0, 1]); // class c scores coordinate c
 * const x = new Float64Array([2, 1, 1, 2]);
 * assert.equal(argmaxError(x, new Float64Array([0, 0]), w, 2), 0.5);
 * ```
 */
export function argmaxError(
  x: ArrayLike<number>,
  labels: ArrayLike<number>,
  w: ArrayLike<number>,
  k: number,
): number {
  const n = labels.length;
  if (!Number.isInteger(k) || k < 1 || w.length % k !== 0) {
    throw new RangeError(`Cannot compute an argmax error: ${w.length} weights do not form ${k} rows`);
  }
  const d = w.length / k;
  if (n === 0 || x.length !== n * d) {
    throw new RangeError(`Cannot compute an argmax error: ${x.length} entries are not ${n} examples of ${d} features`);
  }
  let wrong = 0;
  for (let i = 0; i < n; i++) {
    const y = labels[i]!;
    let own = 0;
    for (let j = 0; j < d; j++) own += w[y * d + j]! * x[i * d + j]!;
    let beaten = !Number.isFinite(own);
    for (let c = 0; c < k && !beaten; c++) {
      if (c === y) continue;
      let s = 0;
      for (let j = 0; j < d; j++) s += w[c * d + j]! * x[i * d + j]!;
      if (!(s < own)) beaten = true;
    }
    if (beaten) wrong++;
  }
  return wrong / n;
}
