import type { Tensor } from "../../math/tensor.ts";
import { sigmaMax } from "../../math/sigma_max.ts";
import type { LabeledData } from "../shared/labeled_data.ts";
import type { ProblemBase } from "../../engine/problem_base.ts";

/** Options of {@link leastSquares}. */
export interface LeastSquaresOptions {
  /** L = ½Σₙ rₙ² (`sum`) or its mean. */
  reduction: "sum" | "mean";
  /** A held-out set for test metrics (not trained on). */
  test?: LabeledData | null;
}

/** Least squares with a linear predictor β: L(β) = ½Σₙ(⟨β, xₙ⟩ − yₙ)². */
export interface LeastSquares extends ProblemBase {
  /** Always `least-squares`. */
  readonly kind: "least-squares";
  /** The training examples; `y` holds real targets. */
  readonly data: LabeledData;
  /** The held-out set, or null. */
  readonly test: LabeledData | null;
  /** The reduction. */
  readonly options: Readonly<{ reduction: "sum" | "mean" }>;
}

/**
 * Compiles examples with real targets into a least-squares {@link ProblemBase} on
 * β ∈ ℝᵈ: residuals rₙ = ⟨β, xₙ⟩ − yₙ, L = ½Σₙ rₙ² (or ½·mean), and
 * ∇L = Σₙ rₙxₙ, in one pass over the rows.
 *
 * @param data The examples and targets.
 * @param options Reduction and an optional held-out set.
 * @returns The problem.
 *
 * @example Usage
 * ```ts
 * import { leastSquares } from "./least_squares.ts";
 * import assert from "node:assert/strict";
 *
 * const p = leastSquares(
 *   { n: 1, d: 2, x: new Float64Array([1, 2]), y: new Float64Array([3]) },
 *   { reduction: "sum" },
 * );
 * const g = new Float64Array(2);
 * assert.equal(p.gradient(new Float64Array(2), g, true), 4.5); // ½·3²
 * assert.deepEqual(Array.from(g), [-3, -6]);
 * ```
 */
export function leastSquares(data: LabeledData, options: LeastSquaresOptions): LeastSquares {
  const { n, d, x, y } = data;
  const mean = options.reduction === "mean";
  let sigma: number | null = null;

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
    for (let k = 0; k < m; k++) {
      const i = rows ? rows[k]! : k;
      const off = i * d;
      let r = -y[i]!;
      for (let j = 0; j < d; j++) r += x[off + j]! * w[j]!;
      if (wantLoss) total += 0.5 * r * r;
      for (let j = 0; j < d; j++) g[j]! += r * x[off + j]!;
    }
    if (mean) {
      const c = 1 / m;
      for (let j = 0; j < d; j++) g[j]! *= c;
      total *= c;
    }
    return total;
  }

  return {
    kind: "least-squares",
    size: d,
    examples: n,
    data,
    test: options.test ?? null,
    options: { reduction: options.reduction },
    gradient,
    predictor(w: Float64Array): Tensor {
      return { shape: [d], data: w.slice(0, d) };
    },
    params(w: Float64Array): Record<string, Tensor> {
      return { w: { shape: [d], data: w.slice(0, d) } };
    },
    smoothness(): number | null {
      sigma ??= sigmaMax(x, d);
      return (sigma * sigma) / (mean ? n : 1);
    },
  };
}
