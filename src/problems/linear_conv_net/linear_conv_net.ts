import type { Tensor } from "../../math/tensor.ts";
import type { LabeledData } from "../shared/labeled_data.ts";
import type { ProblemBase } from "../../engine/problem_base.ts";
import { marginObjective } from "../shared/_margin_objective.ts";
import { circularConvolve, circularCorrelate } from "./_circular.ts";

/** Options of {@link linearConvNet}. */
export interface LinearConvNetOptions {
  /** Number of layers L ≥ 1. */
  depth: number;
  /** ℓ(u) = log(1 + e⁻ᵘ) (`logistic`) or e⁻ᵘ (`exp`). */
  loss: "logistic" | "exp";
  /** L = Σₙ ℓ (`sum`) or its mean. */
  reduction: "sum" | "mean";
  /** A held-out set for test metrics (not trained on). */
  test?: LabeledData | null;
}

/** An L-layer full-width circular convolutional linear network on binary classification data. */
export interface LinearConvNet extends ProblemBase {
  /** Always `linear-conv-net`. */
  readonly kind: "linear-conv-net";
  /** The data. */
  readonly data: LabeledData;
  /** zₙ = yₙxₙ, row-major n×d. */
  readonly z: Float64Array;
  /** The held-out set, if any. */
  readonly test: LabeledData | null;
  /** Depth, loss and reduction. */
  readonly options: Readonly<LinearConvNetOptions>;
}

/**
 * Compiles labelled data into the linear convolutional network of Gunasekar,
 * Lee, Soudry & Srebro (NeurIPS 2018): hidden layers
 * hₗ[i] = d^{−1/2}·Σₖ wₗ[k]·h_{l−1}[(i + k) mod d] for l < L, output
 * ⟨w_L, h_{L−1}⟩, with L full-width filters wₗ ∈ ℝᵈ (flat parameters w₁, …, w_L).
 *
 * The end-to-end predictor is β = d^{−(L−1)/2}·(w₁ ∗ ⋯ ∗ w_L) (circular
 * convolution: the transpose of correlating with w is convolving with w), so
 * its unitary DFT is β̂ = ∏ₗŵₗ. One gradient pass: prefix and suffix
 * convolutions, g = ∂L/∂β over the data, and ∂L/∂wₗ = d^{−(L−1)/2}·g ⋆ (∗_{k≠l} wₖ).
 * Cost O(L·d² + nd) per step.
 *
 * @param data The labelled points (d = filter width).
 * @param options Depth, loss and reduction.
 * @returns The problem; its predictor is β (length d).
 *
 * @example Usage
 * ```ts
 * import { linearConvNet } from "./linear_conv_net.ts";
 * import { labeledData } from "../shared/labeled_data.ts";
 * import assert from "node:assert/strict";
 *
 * const p = linearConvNet(labeledData([[1, 2, 3, 4]], [1]), { depth: 2, loss: "exp", reduction: "sum" });
 * // w₁ = w₂ = δ₀: β = δ₀ / √4
 * assert.deepEqual(Array.from(p.predictor(p.identityParams!(1)).data), [0.5, 0, 0, 0]);
 * ```
 */
export function linearConvNet(data: LabeledData, options: LinearConvNetOptions): LinearConvNet {
  const { n, d, x, y } = data;
  const depth = options.depth;
  if (!Number.isInteger(depth) || depth < 1) {
    throw new RangeError(`Cannot build a convolutional net: depth must be a positive integer but was ${depth}`);
  }
  const z = new Float64Array(n * d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) z[i * d + j] = y[i]! * x[i * d + j]!;
  const c = d ** (-(depth - 1) / 2);
  const logistic = options.loss === "logistic", mean = options.reduction === "mean";
  const delta = new Float64Array(d);
  delta[0] = 1;
  // pre[l] = w₁ ∗ ⋯ ∗ w_l (pre[0] = δ); suf[l] = w_l ∗ ⋯ ∗ w_L (suf[L+1] = δ).
  const pre = Array.from({ length: depth + 1 }, () => new Float64Array(d));
  const suf = Array.from({ length: depth + 2 }, () => new Float64Array(d));
  pre[0]!.set(delta);
  suf[depth + 1]!.set(delta);
  const beta = new Float64Array(d), g = new Float64Array(d), other = new Float64Array(d);

  function forward(w: Float64Array): void {
    for (let l = 1; l <= depth; l++) circularConvolve(pre[l - 1]!, w.subarray((l - 1) * d, l * d), pre[l]!);
    for (let j = 0; j < d; j++) beta[j] = c * pre[depth]![j]!;
  }

  function gradient(
    w: Float64Array,
    grad: Float64Array,
    wantLoss: boolean,
    rows?: Uint32Array,
    count?: number,
  ): number {
    forward(w);
    const loss = marginObjective(z, d, beta, g, { logistic, mean, wantLoss, rows, count });
    for (let l = depth; l >= 1; l--) circularConvolve(w.subarray((l - 1) * d, l * d), suf[l + 1]!, suf[l]!);
    for (let l = 1; l <= depth; l++) {
      circularConvolve(pre[l - 1]!, suf[l + 1]!, other);
      circularCorrelate(g, other, c, grad, (l - 1) * d);
    }
    return loss;
  }

  return {
    kind: "linear-conv-net",
    size: depth * d,
    examples: n,
    data,
    z,
    test: options.test ?? null,
    options: { ...options },
    gradient,
    predictor(w: Float64Array): Tensor {
      forward(w);
      return { shape: [d], data: beta.slice() };
    },
    params(w: Float64Array): Record<string, Tensor> {
      const out: Record<string, Tensor> = {};
      for (let l = 0; l < depth; l++) out[`w${l + 1}`] = { shape: [d], data: w.slice(l * d, (l + 1) * d) };
      return out;
    },
    smoothness(): number | null {
      return null; // a product of filters (and for L = 1 the exponential loss): no global bound used
    },
    identityParams(s: number): Float64Array {
      const w = new Float64Array(depth * d);
      for (let l = 0; l < depth; l++) w[l * d] = s;
      return w;
    },
  };
}
