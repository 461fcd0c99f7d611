/**
 * A histogram of the normalized margins yᵢ⟨w, xᵢ⟩ / ‖w‖₂ of a linear
 * classifier on its data: how far each point is from the separator. Under GD
 * on separable data the smallest margins converge to the max-margin value as
 * the support vectors take over.
 *
 * This module is browser compatible.
 *
 * @param x The points, one row each.
 * @param y Their labels (±1).
 * @param w The predictor (as many entries as each row of x).
 * @param edges Bin edges, ascending (bins = edges.length − 1); values outside fall in the end bins.
 * @returns Counts per bin, or null when w = 0 (no direction yet).
 *
 * @example Usage
 * ```ts
 * import { marginHistogram } from "./margin_histogram.ts";
 * import assert from "node:assert/strict";
 *
 * const counts = marginHistogram([[1, 0], [0, 2]], [1, -1], [3, 4], [-2, 0, 2]);
 * assert.deepEqual(counts, [1, 1]); // margins 0.6 and -1.6
 * ```
 */
export function marginHistogram(
  x: readonly (readonly number[])[],
  y: readonly number[],
  w: ArrayLike<number>,
  edges: readonly number[],
): number[] | null {
  let norm = 0;
  for (let j = 0; j < w.length; j++) norm += w[j]! ** 2;
  norm = Math.sqrt(norm);
  if (!(norm > 0) || !Number.isFinite(norm)) return null;
  const bins = edges.length - 1;
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < x.length; i++) {
    const row = x[i]!;
    let u = 0;
    for (let j = 0; j < w.length; j++) u += row[j]! * w[j]!;
    const m = (y[i]! * u) / norm;
    let b = 0;
    while (b < bins - 1 && m >= edges[b + 1]!) b++;
    counts[b]!++;
  }
  return counts;
}
