import { Matrix, pseudoInverse } from "ml-matrix";
import type { ReferenceResult } from "./reference.ts";

/**
 * The least-squares solution closest to w₀: w₀ + X⁺(y − Xw₀), with X⁺ the
 * Moore–Penrose pseudo-inverse (ml-matrix, by SVD). On an underdetermined
 * system it is the interpolant of minimum ‖w − w₀‖₂; in general the
 * minimizer of ‖Xw − y‖ closest to w₀. GD, momentum GD and SGD started at w₀
 * never leave w₀ + rowspace(X), so they converge to it whatever the step size
 * (as long as they converge).
 *
 * @param x The examples, row-major n×d.
 * @param y The targets, length n.
 * @param w0 The initialization (default 0).
 * @returns The solution with kind `min-norm-least-squares`.
 *
 * @example Usage
 * ```ts
 * import { minNormLeastSquares } from "./min_norm_least_squares.ts";
 * import assert from "node:assert/strict";
 *
 * // x = (1, 1), y = 2: from 0 the answer is (1, 1); from (1, 0) it is (1.5, 0.5).
 * const ref = minNormLeastSquares(new Float64Array([1, 1]), new Float64Array([2]), new Float64Array([1, 0]));
 * assert.ok(ref.predictor !== null);
 * assert.ok(Math.abs(ref.predictor.data[0]! - 1.5) < 1e-12 && Math.abs(ref.predictor.data[1]! - 0.5) < 1e-12);
 * ```
 */
export function minNormLeastSquares(x: Float64Array, y: Float64Array, w0?: Float64Array): ReferenceResult {
  const n = y.length;
  if (n === 0 || x.length % n !== 0) {
    throw new RangeError(`Cannot solve least squares: ${x.length} entries do not split into ${n} examples`);
  }
  const d = x.length / n;
  const start = w0 ?? new Float64Array(d);
  if (start.length !== d) {
    throw new RangeError(`Cannot solve least squares: w0 has ${start.length} entries but the data have ${d} features`);
  }
  const rows = Array.from({ length: n }, (_, i) => Array.from(x.subarray(i * d, i * d + d)));
  const residual = Array.from({ length: n }, (_, i) => {
    let s = y[i]!;
    for (let j = 0; j < d; j++) s -= x[i * d + j]! * start[j]!;
    return [s];
  });
  const step = pseudoInverse(new Matrix(rows)).mmul(new Matrix(residual)).getColumn(0);
  const w = Float64Array.from(step, (v, j) => start[j]! + v);
  return { kind: "min-norm-least-squares", predictor: { shape: [d], data: w } };
}
