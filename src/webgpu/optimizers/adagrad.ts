import type { OptimizerSpec } from "../../spec/optimizer_schema.ts";
import type { GpuOptimizer } from "./gpu_optimizer.ts";
import { columnLoops } from "./_loops.ts";
import { SQUARE_LIMIT } from "./_square_limit.ts";
import wgsl from "./adagrad.wgsl" with { type: "text" };

/**
 * `adagrad` on the GPU (`adagrad.wgsl`): the accumulator Σg² compensated
 * like the parameters; state `sum`, as `adagrad()` reports it.
 *
 * @example Usage
 * ```ts
 * import { adagradOptimizer } from "./adagrad.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(adagradOptimizer.hyper({ kind: "adagrad", lr: 0.1, eps: 1e-10 }), { lr: 0.1, constants: [1e-10] });
 * ```
 */
export const adagradOptimizer: GpuOptimizer = {
  kinds: ["adagrad"],
  wgsl,
  slots: 2,
  guarded: false,
  gradientLimit: SQUARE_LIMIT,
  hyper(spec: OptimizerSpec) {
    if (spec.kind !== "adagrad") throw new TypeError(`The adagrad rule cannot run optimizer ${spec.kind}`);
    return { lr: spec.lr, constants: [spec.eps] };
  },
  read(_spec, slots) {
    return { sum: { shape: [slots.params], data: slots.compensated(0) } };
  },
  updateLoops: columnLoops,
};
