import { createRng } from "../../random/rng.ts";
import type { LabeledData } from "./labeled_data.ts";

/** Options of {@link separableMulticlassData}. */
export interface SeparableMulticlassDataOptions {
  /** Number of points. */
  n: number;
  /** Number of features. */
  d: number;
  /** Number of classes k ≥ 2. */
  classes: number;
  /** Smallest gap between the teacher's top score and the runner-up's. */
  margin: number;
  /** Seed of the generator. */
  seed: number;
}

/**
 * Linearly separable k-class data: a teacher W* with rows ~ N(0, I_d), points
 * x ~ N(0, I_d) labelled argmax_c ⟨w*_c, x⟩, and points whose top two scores
 * are closer than `margin` redrawn. Classes are balanced (point i has class
 * i mod k) by redrawing until the teacher assigns the wanted class.
 *
 * @param options Size, classes, margin and seed.
 * @returns The data (labels 0..k−1); the same options always give the same data.
 *
 * @example Usage
 * ```ts
 * import { separableMulticlassData } from "./separable_multiclass_data.ts";
 * import assert from "node:assert/strict";
 *
 * const data = separableMulticlassData({ n: 6, d: 4, classes: 3, margin: 0.1, seed: 1 });
 * assert.deepEqual(Array.from(data.y), [0, 1, 2, 0, 1, 2]);
 * ```
 */
export function separableMulticlassData(options: SeparableMulticlassDataOptions): LabeledData {
  const { n, d, classes: k, margin, seed } = options;
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(d) || d < 1) {
    throw new RangeError(`Cannot generate multiclass data with n = ${n} and d = ${d}`);
  }
  if (!Number.isInteger(k) || k < 2 || k > 1000) {
    throw new RangeError(`Cannot generate multiclass data: classes must be an integer in [2, 1000] but was ${k}`);
  }
  if (!(margin >= 0) || margin > 3) {
    throw new RangeError(`Cannot generate multiclass data: margin must be in [0, 3] but was ${margin}`);
  }
  if (d === 1 && k > 2) {
    throw new RangeError(`Cannot generate multiclass data: ${k} classes need d ≥ 2 (one feature separates at most 2)`);
  }
  const rng = createRng(seed);
  const teacher = new Float64Array(k * d);
  for (let i = 0; i < k * d; i++) teacher[i] = rng.normal();
  const x = new Float64Array(n * d), y = new Float64Array(n);
  const row = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const want = i % k;
    for (let tries = 0;; tries++) {
      if (tries > 1e6) {
        throw new RangeError(
          `Cannot generate multiclass data: class ${want} is too rare under the teacher; lower margin`,
        );
      }
      for (let j = 0; j < d; j++) row[j] = rng.normal();
      let best = -Infinity, second = -Infinity, arg = -1;
      for (let c = 0; c < k; c++) {
        let s = 0;
        for (let j = 0; j < d; j++) s += teacher[c * d + j]! * row[j]!;
        if (s > best) {
          second = best;
          best = s;
          arg = c;
        } else if (s > second) second = s;
      }
      if (arg === want && best - second >= margin) break;
    }
    x.set(row, i * d);
    y[i] = want;
  }
  return { n, d, x, y };
}
