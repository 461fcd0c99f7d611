/**
 * The singular values of a small dense matrix, largest first, by one-sided
 * Jacobi rotations (Hestenes 1958; Demmel & Veselić 1992): columns are
 * rotated pairwise until orthogonal, and their norms are then the singular
 * values. Accurate to a few ulps for the matrices the viewer sees (predictors
 * of up to 256 entries).
 *
 * This module is browser compatible.
 *
 * @param data The entries, row-major.
 * @param rows Number of rows.
 * @param cols Number of columns.
 * @returns min(rows, cols) singular values, descending.
 * @throws {RangeError} when `data` does not have rows × cols entries.
 *
 * @example Usage
 * ```ts
 * import { singularValues } from "./singular_values.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(singularValues([3, 0, 0, -2], 2, 2), [3, 2]);
 * ```
 */
export function singularValues(data: ArrayLike<number>, rows: number, cols: number): number[] {
  if (data.length !== rows * cols) {
    throw new RangeError(`Expected ${rows} × ${cols} = ${rows * cols} entries but found ${data.length}`);
  }
  // Work on the transpose when wide, so there are at least as many rows as columns.
  const tall = rows >= cols;
  const m = tall ? rows : cols, n = tall ? cols : rows;
  const a = new Float64Array(m * n); // column-major m×n
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const v = data[i * cols + j]!;
      if (tall) a[j * m + i] = v;
      else a[i * m + j] = v;
    }
  }
  for (let sweep = 0; sweep < 60; sweep++) {
    let rotated = false;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        let alpha = 0, beta = 0, gamma = 0;
        for (let k = 0; k < m; k++) {
          const x = a[p * m + k]!, y = a[q * m + k]!;
          alpha += x * x;
          beta += y * y;
          gamma += x * y;
        }
        if (gamma === 0 || Math.abs(gamma) <= 1e-15 * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = Math.sign(zeta || 1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t), s = c * t;
        for (let k = 0; k < m; k++) {
          const x = a[p * m + k]!, y = a[q * m + k]!;
          a[p * m + k] = c * x - s * y;
          a[q * m + k] = s * x + c * y;
        }
      }
    }
    if (!rotated) break;
  }
  const out: number[] = [];
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let k = 0; k < m; k++) s += a[j * m + k]! ** 2;
    out.push(Math.sqrt(s));
  }
  return out.sort((x, y) => y - x);
}
