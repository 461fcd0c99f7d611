import { Matrix, SingularValueDecomposition } from "ml-matrix";

/**
 * The singular values of a row-major rows×cols matrix, largest first
 * (Golub–Kahan SVD of ml-matrix, without singular vectors).
 *
 * @param x The matrix, row-major.
 * @param rows The number of rows.
 * @returns min(rows, cols) singular values in decreasing order.
 *
 * @example Usage
 * ```ts
 * import { singularValues } from "./singular_values.ts";
 * import assert from "node:assert/strict";
 *
 * const s = singularValues(new Float64Array([0, 2, -3, 0]), 2);
 * assert.ok(Math.abs(s[0]! - 3) < 1e-12 && Math.abs(s[1]! - 2) < 1e-12);
 * ```
 */
export function singularValues(x: ArrayLike<number>, rows: number): Float64Array {
  if (!Number.isInteger(rows) || rows < 1 || x.length % rows !== 0 || x.length === 0) {
    throw new RangeError(`Cannot compute singular values: ${x.length} entries do not form ${rows} rows`);
  }
  const cols = x.length / rows;
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i]!)) return new Float64Array(Math.min(rows, cols)).fill(NaN);
  }
  const mat = new Matrix(rows, cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) mat.set(i, j, x[i * cols + j]!);
  const svd = new SingularValueDecomposition(mat, {
    computeLeftSingularVectors: false,
    computeRightSingularVectors: false,
    autoTranspose: true,
  });
  const s = Float64Array.from(svd.diagonal, Math.abs);
  return s.sort().reverse();
}
