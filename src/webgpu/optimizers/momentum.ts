import type { OptimizerSpec } from "../../spec/optimizer_schema.ts";
import type { GpuOptimizer } from "./gpu_optimizer.ts";
import { columnLoops } from "./_loops.ts";
import wgsl from "./momentum.wgsl" with { type: "text" };

/**
 * `gd`, `sgd` and `normalized-gd` on the GPU: PyTorch's momentum (heavy ball
 * or Nesterov) and a Kahan-compensated step (`momentum.wgsl`); the drivers
 * choose the rows (SGD) and the gradient (∇log L for normalized GD). State
 * `momentum` (the buffer b) when μ > 0, as `gd()` and `sgd()` report it.
 *
 * @example Usage
 * ```ts
 * import { momentumOptimizer } from "./momentum.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(momentumOptimizer.hyper({ kind: "gd", lr: 0.1, momentum: 0.9, nesterov: true }), {
 *   lr: 0.1,
 *   momentum: 0.9,
 *   nesterov: true,
 * });
 * ```
 */
export const momentumOptimizer: GpuOptimizer = {
  kinds: ["gd", "sgd", "normalized-gd"],
  wgsl,
  slots: 1,
  guarded: false,
  hyper(spec: OptimizerSpec) {
    if (spec.kind === "gd" || spec.kind === "sgd") {
      return { lr: spec.lr, momentum: spec.momentum, nesterov: spec.nesterov };
    }
    return { lr: spec.lr };
  },
  read(spec, slots) {
    const momentum = (spec.kind === "gd" || spec.kind === "sgd") && spec.momentum > 0;
    return momentum ? { momentum: { shape: [slots.params], data: Float64Array.from(slots.slot(0)) } } : {};
  },
  updateLoops: columnLoops,
};
