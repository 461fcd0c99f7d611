import { createRng } from "../../random/rng.ts";
import type { LabeledData } from "./labeled_data.ts";

/** Options of {@link separableData}. */
export interface SeparableDataOptions {
  /** Number of points. */
  n: number;
  /** Number of features. */
  d: number;
  /** Points with |⟨u, x⟩| below this are redrawn, so the teacher's margin is at least this. */
  margin: number;
  /** Seed of the generator. */
  seed: number;
}

/**
 * Linearly separable data: x ~ N(0, I_d), a teacher direction u uniform on the
 * sphere, y = sign⟨u, x⟩, and points with |⟨u, x⟩| < margin redrawn. Classes are
 * balanced (alternating labels) so that a tiny n still has both.
 *
 * @param options Size, margin and seed.
 * @returns The data; the same options always give the same data.
 *
 * @example Usage
 * ```ts
 * import { separableData } from "./separable_data.ts";
 * import assert from "node:assert/strict";
 *
 * const data = separableData({ n: 10, d: 3, margin: 0.1, seed: 1 });
 * assert.equal(data.x.length, 30);
 * ```
 */
export function separableData(options: SeparableDataOptions): LabeledData {
  const { n, d, margin, seed } = options;
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(d) || d < 1) {
    throw new RangeError(`Cannot generate separable data with n = ${n} and d = ${d}`);
  }
  if (!(margin >= 0) || margin > 3) {
    throw new RangeError(`Cannot generate separable data: margin must be in [0, 3] but was ${margin}`);
  }
  const rng = createRng(seed);
  const u = new Float64Array(d);
  let nu = 0;
  while (nu === 0) {
    for (let j = 0; j < d; j++) u[j] = rng.normal();
    nu = Math.hypot(...u);
  }
  for (let j = 0; j < d; j++) u[j]! /= nu;
  const x = new Float64Array(n * d), y = new Float64Array(n);
  const row = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const want = i % 2 === 0 ? 1 : -1;
    for (;;) {
      let s = 0;
      for (let j = 0; j < d; j++) {
        row[j] = rng.normal();
        s += row[j]! * u[j]!;
      }
      if (Math.abs(s) < margin) continue;
      // Reflecting along u keeps the distribution and gives the wanted label.
      if (Math.sign(s) !== want) { for (let j = 0; j < d; j++) row[j]! -= 2 * s * u[j]!; }
      break;
    }
    x.set(row, i * d);
    y[i] = want;
  }
  return { n, d, x, y };
}
