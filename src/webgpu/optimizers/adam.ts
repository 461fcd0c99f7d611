import type { OptimizerSpec } from "../../spec/optimizer_schema.ts";
import type { GpuOptimizer } from "./gpu_optimizer.ts";
import { columnLoops } from "./_loops.ts";
import { SQUARE_LIMIT } from "./_square_limit.ts";
import wgsl from "./adam.wgsl" with { type: "text" };

/**
 * `adam` on the GPU (`adam.wgsl`): compensated moments, bias corrections
 * 1 − βᵗ = −expm1(t·ln β) from the step counter. State `exp_avg`,
 * `exp_avg_sq` and `step`, as `adam()` reports them.
 *
 * @example Usage
 * ```ts
 * import { adamOptimizer } from "./adam.ts";
 * import assert from "node:assert/strict";
 *
 * const h = adamOptimizer.hyper({ kind: "adam", lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8 });
 * assert.equal(h.constants![3], Math.log(0.9));
 * ```
 */
export const adamOptimizer: GpuOptimizer = {
  kinds: ["adam"],
  wgsl,
  slots: 4,
  guarded: false,
  gradientLimit: SQUARE_LIMIT,
  hyper(spec: OptimizerSpec) {
    if (spec.kind !== "adam") throw new TypeError(`The adam rule cannot run optimizer ${spec.kind}`);
    const { lr, beta1, beta2, eps } = spec;
    return { lr, constants: [1 - beta1, 1 - beta2, eps, Math.log(beta1), Math.log(beta2)] };
  },
  read(_spec, slots, step) {
    const d = slots.params;
    return {
      exp_avg: { shape: [d], data: slots.compensated(0) },
      exp_avg_sq: { shape: [d], data: slots.compensated(2) },
      step: { shape: [], data: Float64Array.of(step) },
    };
  },
  updateLoops: columnLoops,
};
