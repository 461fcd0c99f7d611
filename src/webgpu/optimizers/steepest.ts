import type { OptimizerSpec } from "../../spec/optimizer_schema.ts";
import { dualOrder, normOrder } from "../../optimizers/norm_order.ts";
import type { GpuOptimizer } from "./gpu_optimizer.ts";
import { lpMapLoops } from "./_loops.ts";
import { lpMapHyper } from "./_lp_exponents.ts";
import wgsl from "./steepest.wgsl" with { type: "text" };

/**
 * `steepest` on the GPU (`steepest.wgsl`): the unnormalized steepest step
 * w.r.t. ℓp for p = 1 (greedy coordinate), 2, ∞ (sign) and general p,
 * guarded as on the CPU (a step counts only if loss and gradient after it are
 * finite). No state, as `steepest()`.
 *
 * @example Usage
 * ```ts
 * import { steepestOptimizer } from "./steepest.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(steepestOptimizer.hyper({ kind: "steepest", norm: "linf", lr: 0.1 }).variant, 2);
 * assert.equal(steepestOptimizer.guarded, true);
 * ```
 */
export const steepestOptimizer: GpuOptimizer = {
  kinds: ["steepest"],
  wgsl,
  slots: 0,
  guarded: true,
  hyper(spec: OptimizerSpec) {
    if (spec.kind !== "steepest") throw new TypeError(`The steepest rule cannot run optimizer ${spec.kind}`);
    return { lr: spec.lr, ...lpMapHyper(dualOrder(normOrder(spec.norm))) };
  },
  read() {
    return {};
  },
  updateLoops: lpMapLoops,
};
