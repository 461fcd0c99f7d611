import type { Tensor } from "../../math/tensor.ts";
import type { OptimizerSpec } from "../../spec/optimizer_schema.ts";
import type { GpuOptimizer } from "./gpu_optimizer.ts";
import { columnLoops } from "./_loops.ts";
import { SQUARE_LIMIT } from "./_square_limit.ts";
import wgsl from "./rmsprop.wgsl" with { type: "text" };

/**
 * `rmsprop` on the GPU (`rmsprop.wgsl`), plain or centered, with or without
 * momentum; the moving averages compensated, and centered runs keep the
 * variance itself (no float32 cancellation in v − ḡ²). State `square_avg`,
 * `momentum` (μ > 0) and `grad_avg` (centered), as `rmsprop()` reports them.
 *
 * @example Usage
 * ```ts
 * import { rmspropOptimizer } from "./rmsprop.ts";
 * import assert from "node:assert/strict";
 *
 * const h = rmspropOptimizer.hyper({ kind: "rmsprop", lr: 0.01, alpha: 0.99, eps: 1e-8, momentum: 0, centered: true });
 * assert.equal(h.variant, 1);
 * ```
 */
export const rmspropOptimizer: GpuOptimizer = {
  kinds: ["rmsprop"],
  wgsl,
  slots: 5,
  guarded: false,
  gradientLimit: SQUARE_LIMIT,
  hyper(spec: OptimizerSpec) {
    if (spec.kind !== "rmsprop") throw new TypeError(`The rmsprop rule cannot run optimizer ${spec.kind}`);
    return {
      lr: spec.lr,
      momentum: spec.momentum,
      variant: spec.centered ? 1 : 0,
      constants: [1 - spec.alpha, spec.eps],
    };
  },
  read(spec, slots) {
    if (spec.kind !== "rmsprop") throw new TypeError(`The rmsprop rule cannot read optimizer ${spec.kind}`);
    const d = slots.params;
    const square = slots.compensated(0);
    const out: Record<string, Tensor> = { square_avg: { shape: [d], data: square } };
    if (spec.momentum > 0) out.momentum = { shape: [d], data: Float64Array.from(slots.slot(4)) };
    if (spec.centered) {
      // The GPU keeps the variance σ² = v − ḡ²: v is σ² + ḡ².
      const mean = slots.compensated(2);
      for (let j = 0; j < d; j++) square[j]! += mean[j]! * mean[j]!;
      out.grad_avg = { shape: [d], data: mean };
    }
    return out;
  },
  updateLoops: columnLoops,
};
