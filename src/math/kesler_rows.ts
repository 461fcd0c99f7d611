/**
 * Kesler's construction: the k-class margin constraints ⟨w_{yₙ} − w_c, xₙ⟩ of
 * a linear predictor W ∈ ℝ^{k×d} (row-major, flattened) as rows of a binary
 * problem, z_{n,c} = (e_{yₙ} − e_c) ⊗ xₙ for every c ≠ yₙ, so that
 * ⟨z_{n,c}, vec W⟩ = ⟨w_{yₙ} − w_c, xₙ⟩. Multiclass margins and max-margin
 * problems then reuse the binary kernels and solvers unchanged.
 *
 * @param x The examples, row-major n×d.
 * @param labels The class of each example, integers in 0..k−1.
 * @param k The number of classes (≥ 2).
 * @returns The n(k−1) rows of length k·d, row-major; for each n the classes c ≠ yₙ in order.
 *
 * @example Usage
 * ```ts
 * import { keslerRows } from "./kesler_rows.ts";
 * import assert from "node:assert/strict";
 *
 * // One example x = (2) of class 1 among k = 2: the row is (−2, 2).
 * assert.deepEqual(Array.from(keslerRows(new Float64Array([2]), new Float64Array([1]), 2)), [-2, 2]);
 * ```
 */
export function keslerRows(x: ArrayLike<number>, labels: ArrayLike<number>, k: number): Float64Array {
  const n = labels.length;
  if (!Number.isInteger(k) || k < 2) {
    throw new RangeError(`Cannot build Kesler rows: k must be an integer ≥ 2 but was ${k}`);
  }
  if (n === 0 || x.length % n !== 0) {
    throw new RangeError(`Cannot build Kesler rows: ${x.length} entries do not split into ${n} examples`);
  }
  const d = x.length / n, width = k * d;
  const z = new Float64Array(n * (k - 1) * width);
  let row = 0;
  for (let i = 0; i < n; i++) {
    const y = labels[i]!;
    if (!Number.isInteger(y) || y < 0 || y >= k) {
      throw new RangeError(`Cannot build Kesler rows: label ${i} must be an integer in 0..${k - 1} but was ${y}`);
    }
    for (let c = 0; c < k; c++) {
      if (c === y) continue;
      const off = row * width;
      for (let j = 0; j < d; j++) {
        const v = x[i * d + j]!;
        z[off + y * d + j] = v;
        z[off + c * d + j] = -v;
      }
      row++;
    }
  }
  return z;
}
