import { createRng } from "../../random/rng.ts";
import type { LabeledData } from "./labeled_data.ts";

/** Options of {@link wilsonData}. */
export interface WilsonDataOptions {
  /** Number of examples. */
  n: number;
  /** P(y = +1), in (½, 1). */
  p: number;
  /** Seed of the labels. */
  seed: number;
}

/**
 * The least-squares construction of Wilson, Roelofs, Stern, Srebro & Recht,
 * "The Marginal Value of Adaptive Gradient Methods in Machine Learning"
 * (NeurIPS 2017, §3.3), where adaptive methods generalize worse than GD.
 *
 * yᵢ = +1 with probability p, else −1; xᵢ₁ = yᵢ, xᵢ₂ = xᵢ₃ = 1, and example i
 * owns a block of unique features starting at column 4 + 5(i − 1) (1-based):
 * one feature set to 1 for a positive example, five for a negative one. So
 * d = 3 + 5n (the paper pads to 6n with zero columns, which no method moves).
 * Started from 0, AdaGrad, RMSProp and Adam converge to ¼·sign(Xᵀy), which
 * predicts +1 on every new point; GD converges to the minimum-norm
 * interpolant, which classifies new points correctly. When the draw has no
 * more positives than negatives the construction's premise fails, so choose
 * n and p with n·(2p − 1) well above √n.
 *
 * @param options Size, probability of +1, seed.
 * @returns The data (targets ±1); the same options always give the same data.
 *
 * @example Usage
 * ```ts
 * import { wilsonData } from "./wilson_data.ts";
 * import assert from "node:assert/strict";
 *
 * const data = wilsonData({ n: 10, p: 0.75, seed: 1 });
 * assert.equal(data.d, 53);
 * ```
 */
export function wilsonData(options: WilsonDataOptions): LabeledData {
  const { n, p, seed } = options;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`Cannot generate Wilson data with n = ${n}`);
  if (!(p > 0.5 && p < 1)) throw new RangeError(`Cannot generate Wilson data: p must be in (0.5, 1) but was ${p}`);
  const rng = createRng(seed);
  const d = 3 + 5 * n;
  const x = new Float64Array(n * d), y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const label = rng.uniform() < p ? 1 : -1;
    y[i] = label;
    const off = i * d;
    x[off] = label;
    x[off + 1] = 1;
    x[off + 2] = 1;
    const unique = label === 1 ? 1 : 5;
    for (let u = 0; u < unique; u++) x[off + 3 + 5 * i + u] = 1;
  }
  return { n, d, x, y };
}
