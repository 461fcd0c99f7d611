import { halfSquaredNormGradient } from "../../math/half_squared_norm_gradient.ts";
import type { OptimizerSpec } from "../../spec/optimizer_schema.ts";
import { dualOrder } from "../../optimizers/norm_order.ts";
import type { GpuOptimizer } from "./gpu_optimizer.ts";
import { columnLoops, lpMapLoops } from "./_loops.ts";
import { lpMapHyper } from "./_lp_exponents.ts";
import wgsl from "./mirror.wgsl" with { type: "text" };

/**
 * `mirror` on the GPU (`mirror.wgsl`): the dual point θ, compensated, starts
 * at ∇ψ(w₀) (computed in float64 on the host), takes the gradient steps, and
 * each candidate is ∇ψ*(θ); guarded as on the CPU. State `dual` (θ), as
 * `mirror()` reports it.
 *
 * @example Usage
 * ```ts
 * import { mirrorOptimizer } from "./mirror.ts";
 * import assert from "node:assert/strict";
 *
 * const [theta] = mirrorOptimizer.init!({ kind: "mirror", p: 2, lr: 0.1 }, Float64Array.of(3, -4));
 * assert.deepEqual(Array.from(theta!.values), [3, -4]);
 * ```
 */
export const mirrorOptimizer: GpuOptimizer = {
  kinds: ["mirror"],
  wgsl,
  slots: 2,
  guarded: true,
  hyper(spec: OptimizerSpec) {
    if (spec.kind !== "mirror") throw new TypeError(`The mirror rule cannot run optimizer ${spec.kind}`);
    const map = lpMapHyper(dualOrder(spec.p));
    return { lr: spec.lr, variant: map.variant === 0 ? 0 : 3, constants: map.constants };
  },
  init(spec, w0) {
    if (spec.kind !== "mirror") throw new TypeError(`The mirror rule cannot run optimizer ${spec.kind}`);
    return [{ slot: 0, values: halfSquaredNormGradient(w0, spec.p, new Float64Array(w0.length)), compensated: true }];
  },
  read(_spec, slots) {
    return { dual: { shape: [slots.params], data: slots.compensated(0) } };
  },
  updateLoops: (params, wg) => 2 * columnLoops(params, wg) + lpMapLoops(params, wg),
};
