import type { OptimizerSpec } from "../../spec/optimizer_schema.ts";
import type { GpuOptimizer } from "./gpu_optimizer.ts";
import { columnLoops } from "./_loops.ts";
import wgsl from "./path_sgd.wgsl" with { type: "text" };

/**
 * An upper bound on the loop iterations of `ml_path_gamma` (mlp.wgsl) for P
 * parameters, whatever the widths (used when the kernel's layout does not give
 * its own, tighter `helperLoops`): its forward pass costs ⌈out/WG⌉·(in + 1) + 1
 * ≤ 3·out·in per layer, its backward pass ≤ 7·out·in, its inits and layer
 * loops ≤ 4P + 4, so 14P + 4 in all (loose for wide layers, where WG threads
 * share the work; the bound only needs P).
 */
function pathGammaLoops(params: number): number {
  return 14 * params + 4;
}

/**
 * `path-sgd` on the GPU (`path_sgd.wgsl`), for `mlp` only: each step computes
 * γ with the squared network's forward and backward passes in the mlp kernel
 * (`ml_path_gamma`), divides the gradient by it and steps with PyTorch-form
 * momentum, as `pathSgd()` on the CPU; minibatches are SGD's, drawn on the
 * host from the same seed. State `momentum` when μ > 0. A step whose g/γ is
 * not finite ends the CPU run at once; here it shows one step later, when the
 * gradient at the non-finite point is checked.
 *
 * @example Usage
 * ```ts
 * import { pathSgdOptimizer } from "./path_sgd.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(pathSgdOptimizer.hyper({ kind: "path-sgd", lr: 0.1, batch: 4, seed: 0, momentum: 0.5 }), {
 *   lr: 0.1,
 *   momentum: 0.5,
 * });
 * ```
 */
export const pathSgdOptimizer: GpuOptimizer = {
  kinds: ["path-sgd"],
  problems: ["mlp"],
  wgsl,
  slots: 2,
  guarded: false,
  hyper(spec: OptimizerSpec) {
    if (spec.kind !== "path-sgd") throw new TypeError(`The path-sgd rule cannot run optimizer ${spec.kind}`);
    return { lr: spec.lr, momentum: spec.momentum };
  },
  read(spec, slots) {
    const momentum = spec.kind === "path-sgd" && spec.momentum > 0;
    return momentum ? { momentum: { shape: [slots.params], data: Float64Array.from(slots.slot(0)) } } : {};
  },
  updateLoops: (params, wg, kernel) => (kernel?.helperLoops ?? pathGammaLoops(params)) + columnLoops(params, wg),
};
