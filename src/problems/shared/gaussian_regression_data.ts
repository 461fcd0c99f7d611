import { createRng } from "../../random/rng.ts";
import type { LabeledData } from "./labeled_data.ts";

/** Options of {@link gaussianRegressionData}. */
export interface GaussianRegressionDataOptions {
  /** Number of examples. */
  n: number;
  /** Number of features. */
  d: number;
  /** Standard deviation of the noise added to the targets. */
  noise: number;
  /** Seed of the generator. */
  seed: number;
}

/**
 * Regression data from a random linear teacher: β* ~ N(0, I_d/d), then
 * xₙ ~ N(0, I_d) and yₙ = ⟨β*, xₙ⟩ + noise·εₙ with εₙ ~ N(0, 1). With n < d the
 * least-squares problem is underdetermined and every optimizer interpolates;
 * which interpolant it reaches is its implicit bias.
 *
 * @param options Size, noise and seed.
 * @returns The data (real targets); the same options always give the same data.
 *
 * @example Usage
 * ```ts
 * import { gaussianRegressionData } from "./gaussian_regression_data.ts";
 * import assert from "node:assert/strict";
 *
 * const data = gaussianRegressionData({ n: 5, d: 20, noise: 0, seed: 3 });
 * assert.equal(data.x.length, 100);
 * ```
 */
export function gaussianRegressionData(options: GaussianRegressionDataOptions): LabeledData {
  const { n, d, noise, seed } = options;
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(d) || d < 1) {
    throw new RangeError(`Cannot generate regression data with n = ${n} and d = ${d}`);
  }
  if (!(noise >= 0) || !Number.isFinite(noise)) {
    throw new RangeError(`Cannot generate regression data: noise must be a finite number ≥ 0 but was ${noise}`);
  }
  const rng = createRng(seed);
  const teacher = new Float64Array(d);
  for (let j = 0; j < d; j++) teacher[j] = rng.normal() / Math.sqrt(d);
  const x = new Float64Array(n * d), y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) {
      const v = rng.normal();
      x[i * d + j] = v;
      s += v * teacher[j]!;
    }
    y[i] = s + noise * rng.normal();
  }
  return { n, d, x, y };
}
