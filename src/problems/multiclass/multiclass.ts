import { keslerRows } from "../../math/kesler_rows.ts";
import type { Tensor } from "../../math/tensor.ts";
import { sigmaMax } from "../../math/sigma_max.ts";
import type { LabeledData } from "../shared/labeled_data.ts";
import type { ProblemBase } from "../../engine/problem_base.ts";

/** Options of {@link multiclass}. */
export interface MulticlassOptions {
  /** The number of classes k ≥ 2; labels are integers in 0..k−1. */
  classes: number;
  /** L = Σₙ ℓₙ (`sum`) or its mean. */
  reduction: "sum" | "mean";
  /** A held-out set for test metrics (not trained on). */
  test?: LabeledData | null;
}

/** Softmax cross-entropy with a linear predictor W ∈ ℝ^{k×d}, row-major. */
export interface Multiclass extends ProblemBase {
  /** Always `multiclass`. */
  readonly kind: "multiclass";
  /** The number of classes k. */
  readonly classes: number;
  /** The training examples; `y` holds class indices. */
  readonly data: LabeledData;
  /** The held-out set, or null. */
  readonly test: LabeledData | null;
  /**
   * The margin constraints as Kesler rows (e_{yₙ} − e_c) ⊗ xₙ, c ≠ yₙ, so that
   * binary margin kernels and solvers apply to vec W (computed on first use).
   */
  readonly z: Float64Array;
  /** The reduction. */
  readonly options: Readonly<{ reduction: "sum" | "mean" }>;
}

/**
 * Compiles examples with class labels into a multiclass {@link ProblemBase} on
 * W ∈ ℝ^{k×d} (the flat parameters are W row-major, row c being w_c):
 * ℓₙ = log Σ_c e^{⟨w_c, xₙ⟩} − ⟨w_{yₙ}, xₙ⟩ and ∇_{w_c} ℓₙ = (p_c − [c = yₙ])·xₙ.
 *
 * The loss is computed relative to the true class's score,
 * ℓₙ = log1p(Σ_{c≠yₙ} e^{s_c − s_{yₙ}}) (shifted by the largest gap when it is
 * positive), so it neither overflows nor loses its digits when it is tiny —
 * as it becomes on separable data, where W grows without bound.
 *
 * @param data The examples and their classes.
 * @param options Number of classes, reduction and an optional held-out set.
 * @returns The problem.
 *
 * @example Usage
 * ```ts
 * import { multiclass } from "./multiclass.ts";
 * import assert from "node:assert/strict";
 *
 * const p = multiclass(
 *   { n: 1, d: 1, x: new Float64Array([1]), y: new Float64Array([0]) },
 *   { classes: 2, reduction: "sum" },
 * );
 * const g = new Float64Array(2);
 * assert.equal(p.gradient(new Float64Array(2), g, true), Math.log(2));
 * assert.deepEqual(Array.from(g), [-0.5, 0.5]);
 * ```
 */
export function multiclass(data: LabeledData, options: MulticlassOptions): Multiclass {
  const { n, d, x, y } = data;
  const k = options.classes;
  if (!Number.isInteger(k) || k < 2) {
    throw new RangeError(`Cannot build a multiclass problem: classes must be an integer ≥ 2 but was ${k}`);
  }
  y.forEach((label, i) => {
    if (!Number.isInteger(label) || label < 0 || label >= k) {
      throw new RangeError(
        `Cannot build a multiclass problem: label ${i} must be an integer in 0..${k - 1} but was ${label}`,
      );
    }
  });
  const mean = options.reduction === "mean";
  const scores = new Float64Array(k);
  let sigma: number | null = null;
  let z: Float64Array | null = null;

  function gradient(
    w: Float64Array,
    g: Float64Array,
    wantLoss: boolean,
    rows?: Uint32Array,
    count?: number,
  ): number {
    g.fill(0);
    const m = rows ? (count ?? rows.length) : n;
    let total = 0;
    for (let r = 0; r < m; r++) {
      const i = rows ? rows[r]! : r;
      const off = i * d, yi = y[i]!;
      for (let c = 0; c < k; c++) {
        let s = 0;
        for (let j = 0; j < d; j++) s += w[c * d + j]! * x[off + j]!;
        scores[c] = s;
      }
      // Gaps to the true class; shift by the largest one when it is positive.
      const own = scores[yi]!;
      let top = 0;
      for (let c = 0; c < k; c++) if (c !== yi && scores[c]! - own > top) top = scores[c]! - own;
      let sum = 0; // Σ_{c≠y} e^{gap_c − top}
      for (let c = 0; c < k; c++) {
        if (c === yi) continue;
        const e = Math.exp(scores[c]! - own - top);
        scores[c] = e;
        sum += e;
      }
      const base = Math.exp(-top); // the true class's term e^{0 − top}
      const den = base + sum;
      if (wantLoss) total += top === 0 ? Math.log1p(sum) : top + Math.log(den);
      for (let c = 0; c < k; c++) {
        const coef = c === yi ? -sum / den : scores[c]! / den;
        if (coef === 0) continue;
        for (let j = 0; j < d; j++) g[c * d + j]! += coef * x[off + j]!;
      }
    }
    if (mean) {
      const c = 1 / m;
      for (let j = 0; j < k * d; j++) g[j]! *= c;
      total *= c;
    }
    return total;
  }

  return {
    kind: "multiclass",
    size: k * d,
    examples: n,
    classes: k,
    data,
    test: options.test ?? null,
    options: { reduction: options.reduction },
    get z(): Float64Array {
      z ??= keslerRows(x, y, k);
      return z;
    },
    gradient,
    predictor(w: Float64Array): Tensor {
      return { shape: [k, d], data: w.slice(0, k * d) };
    },
    params(w: Float64Array): Record<string, Tensor> {
      return { W: { shape: [k, d], data: w.slice(0, k * d) } };
    },
    smoothness(): number | null {
      // The Hessian of log-sum-exp is diag(p) − ppᵀ ⪯ ½I, so L ≤ ½σ_max(X)².
      sigma ??= sigmaMax(x, d);
      return (sigma * sigma) / 2 / (mean ? n : 1);
    },
  };
}
