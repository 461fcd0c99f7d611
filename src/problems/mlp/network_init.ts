import { createRng } from "../../random/rng.ts";
import type { MlpLayer } from "./mlp_layout.ts";

/** The network inits of an MLP (see {@link networkInit}). */
export type NetworkInitSpec =
  | { readonly kind: "pytorch"; readonly seed: number }
  | { readonly kind: "balanced"; readonly seed: number }
  | { readonly kind: "unbalanced"; readonly seed: number; readonly spread: number };

/**
 * Initial parameters of an MLP:
 *
 * - `pytorch` (the default of `mlp`): PyTorch's `nn.Linear` default, every
 *   weight and bias of a layer uniform in [−1/√in, 1/√in] (Kaiming-uniform
 *   with a = √5), drawn from biasflow's seeded generator (same distribution
 *   as PyTorch, not the same numbers).
 * - `balanced`: the same draw (Path-SGD's balanced start: every hidden unit's
 *   incoming and outgoing weights on one scale).
 * - `unbalanced`: the balanced network with every hidden unit rescaled, its
 *   incoming weights and bias by c > 0 and its outgoing weights by 1/c, with
 *   c = spread^u, u uniform in [−1, 1] per unit (seeded by `seed + 1`). For
 *   ReLU and linear nets it computes exactly the same function as `balanced`
 *   with the same seed (up to rounding), so Path-SGD, which is invariant to
 *   such rescaling, follows the same curves from both while SGD does not.
 *
 * @param layers The layout.
 * @param size The number of parameters.
 * @param spec Which init, its seed (and spread).
 * @returns A fresh parameter vector.
 *
 * @example Usage
 * ```ts
 * import { networkInit } from "./network_init.ts";
 * import { mlpLayout } from "./mlp_layout.ts";
 * import assert from "node:assert/strict";
 *
 * const { layers, size } = mlpLayout(4, [8], 1, true);
 * const w = networkInit(layers, size, { kind: "pytorch", seed: 0 });
 * assert.ok(w.every((v, i) => Math.abs(v) <= (i < 40 ? 1 / 2 : 1 / Math.sqrt(8))));
 * ```
 */
export function networkInit(layers: readonly MlpLayer[], size: number, spec: NetworkInitSpec): Float64Array {
  const rng = createRng(spec.seed);
  const w = new Float64Array(size);
  for (const { out, in: inn, w: wo, b: bo } of layers) {
    const bound = 1 / Math.sqrt(inn);
    for (let j = 0; j < out * inn; j++) w[wo + j] = bound * (2 * rng.uniform() - 1);
    if (bo >= 0) { for (let i = 0; i < out; i++) w[bo + i] = bound * (2 * rng.uniform() - 1); }
  }
  if (spec.kind !== "unbalanced") return w;
  if (!(spec.spread >= 1) || !Number.isFinite(spec.spread)) {
    throw new RangeError(`Cannot build an unbalanced init: spread must be a finite number ≥ 1 but was ${spec.spread}`);
  }
  const scales = createRng(spec.seed + 1);
  for (let l = 0; l + 1 < layers.length; l++) {
    const { out, in: inn, w: wo, b: bo } = layers[l]!;
    const next = layers[l + 1]!;
    for (let i = 0; i < out; i++) {
      const c = spec.spread ** (2 * scales.uniform() - 1);
      for (let j = 0; j < inn; j++) w[wo + i * inn + j] = w[wo + i * inn + j]! * c;
      if (bo >= 0) w[bo + i] = w[bo + i]! * c;
      for (let r = 0; r < next.out; r++) w[next.w + r * next.in + i] = w[next.w + r * next.in + i]! / c;
    }
  }
  return w;
}
