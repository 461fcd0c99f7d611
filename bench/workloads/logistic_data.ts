import { createRng } from "../../src/random/rng.ts";

/** The logistic benchmark's data: X uniform in [−0.5, 0.5)^{n×d} (row-major), y = sign(X·t). */
export interface LogisticData {
  /** Examples. */
  readonly n: number;
  /** Features. */
  readonly d: number;
  /** Row-major n×d. */
  readonly x: Float64Array;
  /** Labels ±1 (sign 0 counts as +1). */
  readonly y: Float64Array;
}

/**
 * Makes the data of the full-batch logistic GD workload: X uniform in
 * [−0.5, 0.5), a Gaussian teacher t, and y = sign(X·t); seeded.
 *
 * @param n Examples.
 * @param d Features.
 * @param seed Seed of the generator.
 * @returns The data.
 *
 * @example Usage
 * ```ts
 * import { logisticData } from "./logistic_data.ts";
 * import assert from "node:assert/strict";
 *
 * const data = logisticData(16, 2, 1);
 * assert.equal(data.x.length, 32);
 * ```
 */
export function logisticData(n: number, d: number, seed: number): LogisticData {
  const rng = createRng(seed);
  const t = new Float64Array(d).map(() => rng.normal());
  const x = new Float64Array(n * d), y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) {
      const v = rng.uniform() - 0.5;
      x[i * d + j] = v;
      s += v * t[j]!;
    }
    y[i] = s >= 0 ? 1 : -1;
  }
  return { n, d, x, y };
}
