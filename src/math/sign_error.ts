/**
 * The 0–1 error of a homogeneous linear classifier: the fraction of examples
 * with sign⟨β, xₙ⟩ ≠ yₙ. A score of exactly 0 counts as an error (it names
 * neither class), so β = 0 has error 1.
 *
 * @param x The examples, row-major n×d.
 * @param y The labels, each ±1.
 * @param beta The predictor, length d.
 * @returns The error in [0, 1].
 *
 * @example Usage
 * ```ts
 * import { signError } from "./sign_error.ts";
 * import assert from "node:assert/strict";
 *
 * const x = new Float64Array([1, 0, 0, 1, -1, 1]);
 * // scores 1, 1, 0: the third is 0, an error
 * assert.equal(signError(x, new Float64Array([1, 1, -1]), new Float64Array([1, 1])), 1 / 3);
 * ```
 */
export function signError(x: ArrayLike<number>, y: ArrayLike<number>, beta: ArrayLike<number>): number {
  const n = y.length, d = beta.length;
  if (n === 0 || x.length !== n * d) {
    throw new RangeError(`Cannot compute a 0-1 error: ${x.length} entries are not ${n} examples of ${d} features`);
  }
  let wrong = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += x[i * d + j]! * beta[j]!;
    if (!(s * y[i]! > 0)) wrong++;
  }
  return wrong / n;
}
