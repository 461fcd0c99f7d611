import { createRng } from "../../random/rng.ts";
import type { LabeledData } from "./labeled_data.ts";

/**
 * The data of Soudry et al. (2018), Figure 1: the support vectors
 * (0.5, 1.5) and (1.5, 0.5) labelled +1 and their negatives labelled −1, plus
 * 12 seeded random points (6 per class) strictly outside the margin. Its L2
 * max-margin separator is ŵ = (0.5, 0.5) (margin √2 after normalization).
 *
 * The random points are drawn uniformly in a box with x₁ + x₂ ≥ 2.5 for the
 * positive class (so ⟨ŵ, z⟩ ≥ 1.25 > 1), and mirrored ranges for the negative.
 *
 * @returns 16 points in 2-D; always the same.
 *
 * @example Usage
 * ```ts
 * import { soudryFig1 } from "./soudry_fig1.ts";
 * import assert from "node:assert/strict";
 *
 * const data = soudryFig1();
 * assert.equal(data.n, 16);
 * assert.deepEqual(Array.from(data.x.slice(0, 2)), [0.5, 1.5]);
 * ```
 */
export function soudryFig1(): LabeledData {
  const points: number[][] = [[0.5, 1.5], [1.5, 0.5], [-0.5, -1.5], [-1.5, -0.5]];
  const labels = [1, 1, -1, -1];
  const rng = createRng(2018);
  for (let k = 0; k < 12; k++) {
    const label = k % 2 === 0 ? 1 : -1;
    let a = 0, b = 0;
    do {
      a = 0.5 + 3 * rng.uniform();
      b = 0.5 + 3 * rng.uniform();
    } while (a + b < 2.5);
    points.push([label * a, label * b]);
    labels.push(label);
  }
  const x = new Float64Array(32);
  points.forEach((p, i) => x.set(p, 2 * i));
  return { n: 16, d: 2, x, y: Float64Array.from(labels) };
}
