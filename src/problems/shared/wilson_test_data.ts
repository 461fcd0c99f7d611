import { createRng } from "../../random/rng.ts";
import type { LabeledData } from "./labeled_data.ts";

/** Options of {@link wilsonTestData}. */
export interface WilsonTestDataOptions {
  /** Number of test examples. */
  n: number;
  /** P(y = +1), in (½, 1). */
  p: number;
  /** Seed of the labels (use one other than the training set's). */
  seed: number;
  /** The feature count of the training set (3 + 5·n_train). */
  d: number;
}

/**
 * Fresh points from the distribution of {@link wilsonData}, seen through a
 * model trained on it: x₁ = y, x₂ = x₃ = 1, and the point's own unique
 * features are new columns that no training example shares, so in the
 * training set's d coordinates they are 0. ⟨β, x⟩ = β₁y + β₂ + β₃: the
 * adaptive methods' ¼·sign(Xᵀy) scores ¼(y + 2) > 0 for every point (test
 * error = the fraction of negatives, ≈ 1 − p), while GD's minimum-norm
 * solution has β₁ > |β₂ + β₃| (test error 0).
 *
 * @param options Size, probability of +1, seed and the training dimension.
 * @returns The test points (targets ±1).
 *
 * @example Usage
 * ```ts
 * import { wilsonTestData } from "./wilson_test_data.ts";
 * import assert from "node:assert/strict";
 *
 * const test = wilsonTestData({ n: 4, p: 0.75, seed: 2, d: 53 });
 * assert.equal(test.x[0], test.y[0]);
 * ```
 */
export function wilsonTestData(options: WilsonTestDataOptions): LabeledData {
  const { n, p, seed, d } = options;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`Cannot generate Wilson test data with n = ${n}`);
  if (!(p > 0.5 && p < 1)) throw new RangeError(`Cannot generate Wilson test data: p must be in (0.5, 1) but was ${p}`);
  if (!Number.isInteger(d) || d < 3) {
    throw new RangeError(`Cannot generate Wilson test data: d must be an integer ≥ 3 but was ${d}`);
  }
  const rng = createRng(seed);
  const x = new Float64Array(n * d), y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const label = rng.uniform() < p ? 1 : -1;
    y[i] = label;
    x[i * d] = label;
    x[i * d + 1] = 1;
    x[i * d + 2] = 1;
  }
  return { n, d, x, y };
}
