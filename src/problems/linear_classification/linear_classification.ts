import type { Tensor } from "../../math/tensor.ts";
import { sigmaMax } from "../../math/sigma_max.ts";
import type { LabeledData } from "../shared/labeled_data.ts";
import type { ProblemBase } from "../../engine/problem_base.ts";
import { marginObjective } from "../shared/_margin_objective.ts";

/** Options of {@link linearClassification}. */
export interface LinearClassificationOptions {
  /** ℓ(u) = log(1 + e⁻ᵘ) (`logistic`) or e⁻ᵘ (`exp`). */
  loss: "logistic" | "exp";
  /** L = Σₙ ℓ (`sum`, as in the papers) or its mean. */
  reduction: "sum" | "mean";
  /** A held-out set for test metrics (not trained on). */
  test?: LabeledData | null;
}

/** Binary classification with a homogeneous linear predictor: L(w) = Σₙ ℓ(yₙ⟨w, xₙ⟩). */
export interface LinearClassification extends ProblemBase {
  /** Always `linear-classification`. */
  readonly kind: "linear-classification";
  /** The data. */
  readonly data: LabeledData;
  /** zₙ = yₙxₙ, row-major n×d: the only form of the data the loss needs. */
  readonly z: Float64Array;
  /** The loss and reduction. */
  readonly options: Readonly<LinearClassificationOptions>;
  /** The held-out set, or null. */
  readonly test: LabeledData | null;
}

/**
 * The loss ℓ(u) of margin u, computed stably: softplus(−u) for the logistic
 * loss (no overflow for any u), e⁻ᵘ for the exponential loss.
 *
 * @param loss Which loss.
 * @param u The margin yₙ⟨w, xₙ⟩.
 * @returns ℓ(u).
 *
 * @example Usage
 * ```ts
 * import { marginLoss } from "./linear_classification.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(marginLoss("logistic", 0), Math.log(2));
 * assert.equal(marginLoss("logistic", -1000), 1000);
 * ```
 */
export function marginLoss(loss: "logistic" | "exp", u: number): number {
  if (loss === "exp") return Math.exp(-u);
  return Math.max(-u, 0) + Math.log1p(Math.exp(-Math.abs(u)));
}

/**
 * Compiles labelled data and a loss into a {@link ProblemBase} on w ∈ ℝᵈ.
 *
 * The gradient is ∇L(w) = Σₙ ℓ'(uₙ) zₙ with uₙ = ⟨zₙ, w⟩, computed in one pass
 * over the rows; ℓ'(u) = −1/(1 + eᵘ) for the logistic loss, which is exact
 * and overflow-free for every u.
 *
 * @param data The labelled points.
 * @param options Loss and reduction.
 * @returns The problem.
 *
 * @example Usage
 * ```ts
 * import { linearClassification } from "./linear_classification.ts";
 * import { labeledData } from "../shared/labeled_data.ts";
 * import assert from "node:assert/strict";
 *
 * const p = linearClassification(labeledData([[1, 0]], [1]), { loss: "exp", reduction: "sum" });
 * const g = new Float64Array(2);
 * assert.equal(p.gradient(new Float64Array(2), g, true), 1); // L(0) = e⁰
 * assert.deepEqual(Array.from(g), [-1, 0]);
 * ```
 */
export function linearClassification(
  data: LabeledData,
  options: LinearClassificationOptions,
): LinearClassification {
  const { n, d, x, y } = data;
  const z = new Float64Array(n * d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) z[i * d + j] = y[i]! * x[i * d + j]!;
  const logistic = options.loss === "logistic";
  const mean = options.reduction === "mean";
  let sigma: number | null = null;

  // One options object, reused, keeps the gradient allocation-free per call.
  const objective: Parameters<typeof marginObjective>[4] = { logistic, mean, wantLoss: false };

  function gradient(
    w: Float64Array,
    g: Float64Array,
    wantLoss: boolean,
    rows?: Uint32Array,
    count?: number,
  ): number {
    objective.wantLoss = wantLoss;
    objective.rows = rows;
    objective.count = count;
    return marginObjective(z, d, w, g, objective);
  }

  const u = new Float64Array(n);

  // ∇ log L = Σ ℓ'(uₙ) zₙ / Σ ℓ(uₙ). When the smallest margin m is positive,
  // numerator and denominator are both scaled by eᵐ, so nothing underflows:
  // exp: ℓ(u)eᵐ = e^{−(u−m)}; logistic: σ(−u)eᵐ = e^{−(u−m)}/(1+e^{−u}) and
  // softplus(−u)eᵐ = e^{−(u−m)}·log1p(t)/t with t = e^{−u}.
  function logGradient(w: Float64Array, g: Float64Array): number {
    let m = Infinity;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += z[i * d + j]! * w[j]!;
      u[i] = s;
      if (s < m) m = s;
    }
    if (!(m > 0)) {
      const loss = gradient(w, g, true);
      for (let j = 0; j < d; j++) g[j]! /= loss;
      return Math.log(loss);
    }
    g.fill(0);
    let den = 0;
    for (let i = 0; i < n; i++) {
      const ui = u[i]!, e = Math.exp(-(ui - m));
      let num: number, l: number;
      if (logistic) {
        const t = Math.exp(-ui);
        num = e / (1 + t);
        l = t === 0 ? e : e * (Math.log1p(t) / t);
      } else {
        num = e;
        l = e;
      }
      den += l;
      for (let j = 0; j < d; j++) g[j]! -= num * z[i * d + j]!;
    }
    for (let j = 0; j < d; j++) g[j]! /= den;
    return Math.log(den) - m - (mean ? Math.log(n) : 0);
  }

  return {
    kind: "linear-classification",
    logGradient,
    size: d,
    examples: n,
    data,
    z,
    options: { loss: options.loss, reduction: options.reduction },
    test: options.test ?? null,
    gradient,
    predictor(w: Float64Array): Tensor {
      return { shape: [d], data: w.slice(0, d) };
    },
    params(w: Float64Array): Record<string, Tensor> {
      return { w: { shape: [d], data: w.slice(0, d) } };
    },
    smoothness(): number | null {
      if (!logistic) return null; // e⁻ᵘ is not globally smooth
      sigma ??= sigmaMax(x, d);
      return (sigma * sigma) / 4 / (mean ? n : 1);
    },
  };
}
