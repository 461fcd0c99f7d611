import { lpNorm } from "./lp_norm.ts";

/**
 * The normalized margin of a linear k-class predictor W ∈ ℝ^{k×d} (row-major):
 * min over examples n and classes c ≠ yₙ of ⟨w_{yₙ} − w_c, xₙ⟩ / ‖vec W‖ₚ —
 * the binary margin of vec W on the Kesler rows, computed in O(n·k·d) without
 * forming them.
 *
 * @param x The examples, row-major n×d.
 * @param labels Their classes, integers in 0..k−1.
 * @param w The predictor, row-major k×d.
 * @param options `classes` (k) and `p`, the norm of vec W (default 2).
 * @returns The margin; positive iff W classifies every example correctly; NaN when W = 0.
 *
 * @example Usage
 * ```ts
 * import { multiclassMargin } from "./multiclass_margin.ts";
 * import assert from "node:assert/strict";
 *
 * // Two classes scoring coordinate c; x = (2, 1) of class 0: ⟨w₀ − w₁, x⟩ = 1, ‖W‖₁ = 2.
 * const m = multiclassMargin(new Float64Array([2, 1]), new Float64Array([0]), new Float64Array([1, 0, 0, 1]), { classes: 2, p: 1 });
 * assert.equal(m, 0.5);
 * ```
 */
export function multiclassMargin(
  x: ArrayLike<number>,
  labels: ArrayLike<number>,
  w: ArrayLike<number>,
  options: { classes: number; p?: number },
): number {
  const { classes: k, p = 2 } = options;
  const n = labels.length;
  if (!Number.isInteger(k) || k < 2 || w.length % k !== 0) {
    throw new RangeError(`Cannot compute a multiclass margin: ${w.length} weights do not form ${k} rows`);
  }
  const d = w.length / k;
  if (n === 0 || x.length !== n * d) {
    throw new RangeError(
      `Cannot compute a multiclass margin: ${x.length} entries are not ${n} examples of ${d} features`,
    );
  }
  const scale = lpNorm(w, p);
  if (scale === 0) return NaN;
  const scores = new Float64Array(k);
  let min = Infinity;
  for (let i = 0; i < n; i++) {
    const y = labels[i]!;
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += (w[c * d + j]! / scale) * x[i * d + j]!;
      scores[c] = s;
    }
    for (let c = 0; c < k; c++) if (c !== y && scores[y]! - scores[c]! < min) min = scores[y]! - scores[c]!;
  }
  return min;
}
