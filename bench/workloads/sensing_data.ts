import { createRng } from "../../src/random/rng.ts";

/** The matrix sensing benchmark's data: symmetric Gaussian A_i (n×n) and y_i = ⟨A_i, X*⟩. */
export interface SensingData {
  /** Matrix size. */
  readonly n: number;
  /** Measurements. */
  readonly m: number;
  /** The m sensing matrices, each n×n row-major, one after another. */
  readonly a: Float64Array;
  /** The measurements. */
  readonly y: Float64Array;
  /** The initial factor U₀ (n×n, row-major, small). */
  readonly u0: Float64Array;
}

/**
 * Makes a matrix sensing instance in the style of Gunasekar et al. (2017):
 * A_i = (B + Bᵀ)/2 with B standard Gaussian, a rank-`rank` PSD ground truth
 * X* of unit Frobenius norm, y_i = ⟨A_i, X*⟩, and U₀ = 10⁻³·Gaussian.
 *
 * @param n Matrix size.
 * @param m Measurements.
 * @param seed Seed of the generator.
 * @param rank Rank of X*.
 * @returns The data.
 *
 * @example Usage
 * ```ts
 * import { sensingData } from "./sensing_data.ts";
 * import assert from "node:assert/strict";
 *
 * const data = sensingData(4, 6, 1);
 * assert.equal(data.a.length, 6 * 16);
 * ```
 */
export function sensingData(n: number, m: number, seed: number, rank = 2): SensingData {
  const rng = createRng(seed);
  const nn = n * n;
  const a = new Float64Array(m * nn);
  for (let i = 0; i < m; i++) {
    const o = i * nn;
    for (let r = 0; r < n; r++) {
      for (let c = r; c < n; c++) {
        const v = r === c ? rng.normal() : rng.normal() / Math.SQRT2;
        a[o + r * n + c] = v;
        a[o + c * n + r] = v;
      }
    }
  }
  const f = new Float64Array(n * rank).map(() => rng.normal());
  const xs = new Float64Array(nn);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      let s = 0;
      for (let k = 0; k < rank; k++) s += f[r * rank + k]! * f[c * rank + k]!;
      xs[r * n + c] = s;
    }
  }
  const norm = Math.hypot(...xs);
  for (let k = 0; k < nn; k++) xs[k]! /= norm;
  const y = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let s = 0;
    for (let k = 0; k < nn; k++) s += a[i * nn + k]! * xs[k]!;
    y[i] = s;
  }
  const u0 = new Float64Array(nn).map(() => 1e-3 * rng.normal());
  return { n, m, a, y, u0 };
}
