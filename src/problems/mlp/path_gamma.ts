import type { MlpLayer } from "./mlp_layout.ts";

/**
 * Path-SGD's scale γₑ(θ) for every parameter e (Neyshabur, Salakhutdinov &
 * Srebro 2015): the sum over input→output paths through e of the product of
 * the squared weights of the path's other edges, a bias being an edge from a
 * unit that is always 1. All at once with one forward and one backward pass
 * of the network whose weights are squared, on the all-ones input, with
 * identity activations: aₗ = Wₗ²aₗ₋₁ + bₗ², π = Σ a_L, δ_L = 1,
 * δₗ₋₁ = (Wₗ²)ᵀδₗ, and γ = ∂π/∂(w²): δₗ[i]·aₗ₋₁[j] for (Wₗ)ᵢⱼ, δₗ[i] for (bₗ)ᵢ.
 *
 * @param layers The layout ({@link mlpLayout}).
 * @param w The flat parameters θ.
 * @param gamma Written: γ for every parameter, in θ's layout.
 * @param buf Scratch vectors `a` and `delta`, one per layer width (input first).
 * @returns π(θ), the squared ℓ2 path norm.
 *
 * @example Usage
 * ```ts
 * import { pathGamma } from "./path_gamma.ts";
 * import { mlpLayout } from "./mlp_layout.ts";
 * import assert from "node:assert/strict";
 *
 * // x → h → out, no bias: one path, π = w₁²w₂², γ₁ = w₂², γ₂ = w₁².
 * const { layers } = mlpLayout(1, [1], 1, false);
 * const gamma = new Float64Array(2);
 * const buf = { a: [1, 1, 1].map(() => new Float64Array(1)), delta: [1, 1, 1].map(() => new Float64Array(1)) };
 * assert.equal(pathGamma(layers, new Float64Array([2, 3]), gamma, buf), 36);
 * assert.deepEqual(Array.from(gamma), [9, 4]);
 * ```
 */
export function pathGamma(
  layers: readonly MlpLayer[],
  w: Float64Array,
  gamma: Float64Array,
  buf: { a: Float64Array[]; delta: Float64Array[] },
): number {
  const depth = layers.length;
  buf.a[0]!.fill(1);
  for (let l = 0; l < depth; l++) {
    const { out, in: inn, w: wo, b: bo } = layers[l]!;
    const prev = buf.a[l]!, next = buf.a[l + 1]!;
    for (let i = 0; i < out; i++) {
      let s = bo >= 0 ? w[bo + i]! * w[bo + i]! : 0;
      const row = wo + i * inn;
      for (let j = 0; j < inn; j++) s += w[row + j]! * w[row + j]! * prev[j]!;
      next[i] = s;
    }
  }
  let pi = 0;
  const last = buf.a[depth]!;
  for (let i = 0; i < last.length; i++) pi += last[i]!;
  buf.delta[depth]!.fill(1);
  for (let l = depth - 1; l >= 0; l--) {
    const { out, in: inn, w: wo, b: bo } = layers[l]!;
    const prev = buf.a[l]!, delta = buf.delta[l + 1]!, below = buf.delta[l]!;
    below.fill(0);
    for (let i = 0; i < out; i++) {
      const di = delta[i]!, row = wo + i * inn;
      if (bo >= 0) gamma[bo + i] = di;
      for (let j = 0; j < inn; j++) {
        gamma[row + j] = di * prev[j]!;
        below[j] = below[j]! + w[row + j]! * w[row + j]! * di;
      }
    }
  }
  return pi;
}
