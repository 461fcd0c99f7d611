/**
 * The mean squared error of a linear predictor, (1/n)·Σₙ(⟨β, xₙ⟩ − yₙ)².
 *
 * @param x The examples, row-major n×d.
 * @param y The targets.
 * @param beta The predictor, length d.
 * @returns The mean squared error.
 *
 * @example Usage
 * ```ts
 * import { meanSquaredError } from "./mean_squared_error.ts";
 * import assert from "node:assert/strict";
 *
 * // predictions 1 and 2 against targets 0 and 4: (1 + 4) / 2
 * assert.equal(meanSquaredError(new Float64Array([1, 2]), new Float64Array([0, 4]), new Float64Array([1])), 2.5);
 * ```
 */
export function meanSquaredError(x: ArrayLike<number>, y: ArrayLike<number>, beta: ArrayLike<number>): number {
  const n = y.length, d = beta.length;
  if (n === 0 || x.length !== n * d) {
    throw new RangeError(
      `Cannot compute a mean squared error: ${x.length} entries are not ${n} examples of ${d} features`,
    );
  }
  let total = 0;
  for (let i = 0; i < n; i++) {
    let s = -y[i]!;
    for (let j = 0; j < d; j++) s += x[i * d + j]! * beta[j]!;
    total += s * s;
  }
  return total / n;
}
