import type { GpuOptimizer } from "./gpu_optimizer.ts";
import { momentumOptimizer } from "./momentum.ts";
import { adagradOptimizer } from "./adagrad.ts";
import { rmspropOptimizer } from "./rmsprop.ts";
import { adamOptimizer } from "./adam.ts";
import { steepestOptimizer } from "./steepest.ts";
import { coordinateOptimizer } from "./coordinate.ts";
import { mirrorOptimizer } from "./mirror.ts";
import { pathSgdOptimizer } from "./path_sgd.ts";

/**
 * The WebGPU update rules by optimizer kind. A kind without an entry runs on
 * the CPU (`backend: "auto"`) or is refused (`backend: "webgpu"`).
 *
 * @example Usage
 * ```ts
 * import { GPU_OPTIMIZERS } from "./gpu_optimizers.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(GPU_OPTIMIZERS.sgd, GPU_OPTIMIZERS.gd);
 * assert.ok(GPU_OPTIMIZERS.mirror!.guarded);
 * ```
 */
export const GPU_OPTIMIZERS: Readonly<Record<string, GpuOptimizer>> = Object.fromEntries(
  [
    momentumOptimizer,
    adagradOptimizer,
    rmspropOptimizer,
    adamOptimizer,
    steepestOptimizer,
    coordinateOptimizer,
    mirrorOptimizer,
    pathSgdOptimizer,
  ].flatMap((o) => o.kinds.map((kind) => [kind, o])),
);
