import type { Tensor } from "../../math/tensor.ts";
import type { LabeledData } from "../shared/labeled_data.ts";
import type { ProblemBase } from "../../engine/problem_base.ts";
import { marginObjective } from "../shared/_margin_objective.ts";

/** Options of {@link linearNet}. */
export interface LinearNetOptions {
  /** Hidden widths h₁ … h_{L−1} (empty: depth 1, a linear model). */
  widths: readonly number[];
  /** ℓ(u) = log(1 + e⁻ᵘ) (`logistic`) or e⁻ᵘ (`exp`). */
  loss: "logistic" | "exp";
  /** L = Σₙ ℓ (`sum`) or its mean. */
  reduction: "sum" | "mean";
  /** A held-out set for test metrics (not trained on). */
  test?: LabeledData | null;
}

/** A fully connected linear network f(x) = W_L⋯W₁x trained on binary classification data. */
export interface LinearNet extends ProblemBase {
  /** Always `linear-net`. */
  readonly kind: "linear-net";
  /** The data. */
  readonly data: LabeledData;
  /** zₙ = yₙxₙ, row-major n×d. */
  readonly z: Float64Array;
  /** The held-out set, if any. */
  readonly test: LabeledData | null;
  /** Layer shapes [rows, cols]: W₁ is h₁×d, …, W_L is 1×h_{L−1}. */
  readonly layers: readonly (readonly [number, number])[];
  /** Widths, loss and reduction. */
  readonly options: Readonly<LinearNetOptions>;
}

/**
 * Compiles labelled data into a deep linear network {@link ProblemBase}:
 * L(W) = Σₙ ℓ(yₙ⟨β, xₙ⟩) with the end-to-end predictor β = (W_L⋯W₁)ᵀ ∈ ℝᵈ.
 * Flat parameters are W₁, …, W_L, each row-major.
 *
 * One gradient pass: aₗ = (W_L⋯W_{l+1})ᵀ backwards from a_L = 1 (so β = a₀),
 * g = ∂L/∂β over the data, vₗ = W_{l−1}⋯W₁g forwards from v₁ = g, and
 * ∂L/∂Wₗ = aₗvₗᵀ. Cost O(Σₗ hₗh_{l−1} + nd) per step.
 *
 * @param data The labelled points.
 * @param options Hidden widths, loss and reduction.
 * @returns The problem; its predictor is β (length d).
 *
 * @example Usage
 * ```ts
 * import { linearNet } from "./linear_net.ts";
 * import { labeledData } from "../shared/labeled_data.ts";
 * import assert from "node:assert/strict";
 *
 * const p = linearNet(labeledData([[1, 0]], [1]), { widths: [3], loss: "exp", reduction: "sum" });
 * assert.equal(p.size, 3 * 2 + 1 * 3);
 * assert.deepEqual(Array.from(p.predictor(p.identityParams!(2)).data), [4, 0]);
 * ```
 */
export function linearNet(data: LabeledData, options: LinearNetOptions): LinearNet {
  const { n, d, x, y } = data;
  const z = new Float64Array(n * d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) z[i * d + j] = y[i]! * x[i * d + j]!;
  const dims = [d, ...options.widths, 1];
  const depth = dims.length - 1;
  const layers = Array.from({ length: depth }, (_, l) => [dims[l + 1]!, dims[l]!] as const);
  const offsets: number[] = [];
  let size = 0;
  for (const [rows, cols] of layers) {
    offsets.push(size);
    size += rows * cols;
  }
  // a[l] has length dims[l] (a[depth] = [1], a[0] = β); v[l] has length dims[l] (v[0] = g).
  const a = dims.map((h) => new Float64Array(h));
  const v = dims.map((h) => new Float64Array(h));
  const logistic = options.loss === "logistic", mean = options.reduction === "mean";

  /** a[l−1] = Wₗᵀ·a[l] for l = L … 1. */
  function backward(w: Float64Array): void {
    a[depth]![0] = 1;
    for (let l = depth; l >= 1; l--) {
      const [rows, cols] = layers[l - 1]!, off = offsets[l - 1]!, src = a[l]!, dst = a[l - 1]!;
      dst.fill(0);
      for (let i = 0; i < rows; i++) {
        const s = src[i]!;
        if (s === 0) continue;
        for (let j = 0; j < cols; j++) dst[j]! += w[off + i * cols + j]! * s;
      }
    }
  }

  function gradient(
    w: Float64Array,
    grad: Float64Array,
    wantLoss: boolean,
    rows?: Uint32Array,
    count?: number,
  ): number {
    backward(w);
    const loss = marginObjective(z, d, a[0]!, v[0]!, { logistic, mean, wantLoss, rows, count });
    for (let l = 1; l <= depth; l++) {
      const [hr, hc] = layers[l - 1]!, off = offsets[l - 1]!, al = a[l]!, vl = v[l - 1]!, next = v[l]!;
      for (let i = 0; i < hr; i++) {
        const s = al[i]!;
        let t = 0;
        for (let j = 0; j < hc; j++) {
          grad[off + i * hc + j] = s * vl[j]!;
          t += w[off + i * hc + j]! * vl[j]!;
        }
        next[i] = t;
      }
    }
    return loss;
  }

  return {
    kind: "linear-net",
    size,
    examples: n,
    data,
    z,
    test: options.test ?? null,
    layers,
    options: { ...options, widths: [...options.widths] },
    gradient,
    predictor(w: Float64Array): Tensor {
      backward(w);
      return { shape: [d], data: a[0]!.slice() };
    },
    params(w: Float64Array): Record<string, Tensor> {
      const out: Record<string, Tensor> = {};
      layers.forEach(([rows, cols], l) => {
        out[`W${l + 1}`] = { shape: [rows, cols], data: w.slice(offsets[l]!, offsets[l]! + rows * cols) };
      });
      return out;
    },
    smoothness(): number | null {
      return null; // a product of layers: not globally smooth
    },
    identityParams(s: number): Float64Array {
      const w = new Float64Array(size);
      layers.forEach(([rows, cols], l) => {
        for (let i = 0; i < Math.min(rows, cols); i++) w[offsets[l]! + i * cols + i] = s;
      });
      return w;
    },
  };
}
