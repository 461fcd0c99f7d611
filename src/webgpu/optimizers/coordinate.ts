import type { OptimizerSpec } from "../../spec/optimizer_schema.ts";
import type { GpuOptimizer } from "./gpu_optimizer.ts";
import { columnLoops, reduceLoops } from "./_loops.ts";
import wgsl from "./coordinate.wgsl" with { type: "text" };

/**
 * `coordinate` on the GPU (`coordinate.wgsl`): cyclic (the cursor is the
 * run's aux word, moved on only by accepted steps) or greedy (the first
 * largest |∂ⱼL|), guarded as on the CPU. No state, as `coordinate()`.
 *
 * @example Usage
 * ```ts
 * import { coordinateOptimizer } from "./coordinate.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(coordinateOptimizer.hyper({ kind: "coordinate", rule: "greedy", lr: 0.1 }).variant, 1);
 * ```
 */
export const coordinateOptimizer: GpuOptimizer = {
  kinds: ["coordinate"],
  wgsl,
  slots: 0,
  guarded: true,
  hyper(spec: OptimizerSpec) {
    if (spec.kind !== "coordinate") throw new TypeError(`The coordinate rule cannot run optimizer ${spec.kind}`);
    return { lr: spec.lr, variant: spec.rule === "greedy" ? 1 : 0 };
  },
  read() {
    return {};
  },
  updateLoops: (params, wg) => columnLoops(params, wg) + reduceLoops(wg),
};
