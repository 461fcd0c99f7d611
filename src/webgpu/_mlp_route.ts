import type { CompiledRun } from "../run/compile_run.ts";
import type { Mlp } from "../problems/mlp/mlp.ts";
import { mlpKernel } from "./kernels/mlp.ts";
import { planTiledMlp } from "./_mlp_tiled_plan.ts";

/** Which `mlp` kernels a run asks for: `auto` (by size, below), or forced. */
export type MlpKernelChoice = "auto" | "rows" | "tiled";

/** The optimizers the tiled `mlp` kernels implement (the row kernel runs every WebGPU rule). */
export const TILED_MLP_OPTIMIZERS: readonly string[] = ["gd", "sgd", "path-sgd"];

/** WebGPU's default `maxStorageBufferBindingSize`, which every device binds. */
const DEFAULT_BINDING_BYTES = 2 ** 27;

/**
 * Why the tiled `mlp` kernels cannot run `run`, or null when they can.
 *
 * @param run A compiled run.
 * @returns A sentence, or null.
 */
export function tiledMlpUnsupported(run: CompiledRun): string | null {
  if (run.problem.kind !== "mlp") return `The tiled mlp kernels cannot run a ${run.problem.kind} problem`;
  const o = run.spec.optimizer;
  if (!TILED_MLP_OPTIMIZERS.includes(o.kind)) {
    return `the tiled mlp kernels (any width) run only ${TILED_MLP_OPTIMIZERS.join(", ")}, not ${o.kind}`;
  }
  const net = run.problem as Mlp;
  const batch = o.kind === "sgd" || o.kind === "path-sgd" ? Math.min(o.batch, net.data.n) : net.data.n;
  const plan = planTiledMlp({
    dims: [net.data.d, ...net.options.widths, net.outputs],
    n: net.data.n,
    rowsPerStep: batch,
    params: net.size,
    maxBindingBytes: DEFAULT_BINDING_BYTES,
  });
  return typeof plan === "string" ? plan : null;
}

/**
 * The one place that chooses between the two `mlp` kernels on WebGPU: the
 * row kernel (`kernels/mlp.wgsl`: a workgroup per run and block of rows,
 * activations in workgroup memory, every optimizer) for nets it accepts
 * (about 380 units in all), the tiled kernels (`kernels/mlp_gemm.wgsl`:
 * matrix products across workgroups, activations in global memory, any width,
 * gd / sgd / path-sgd) for wider ones. On llvmpipe the row kernel is the
 * faster one on small nets (README, "Networks (`mlp`)"); on hardware the
 * crossover is unmeasured.
 *
 * @param run A compiled `mlp` run.
 * @param choice `auto`, or a forced kernel.
 * @returns `rows` or `tiled`, or a sentence saying why neither runs it.
 *
 * @example Usage
 * ```ts
 * import { mlpRoute } from "./_mlp_route.ts";
 * import { compileRun } from "../run/compile_run.ts";
 * import assert from "node:assert/strict";
 *
 * const spec = (widths: number[]) => ({
 *   problem: { kind: "mlp", widths, activation: "relu", bias: true, loss: "logistic", reduction: "mean",
 *     data: { kind: "points", x: [[0, 1], [1, 0]], y: [1, -1] } },
 *   optimizer: { kind: "gd", lr: 0.1 },
 *   steps: 10,
 * });
 * assert.equal(mlpRoute(compileRun(spec([8]))), "rows");
 * assert.equal(mlpRoute(compileRun(spec([512]))), "tiled");
 * ```
 */
export function mlpRoute(run: CompiledRun, choice: MlpKernelChoice = "auto"): "rows" | "tiled" | string {
  const rows = mlpKernel.unsupported!(run.problem);
  const tiled = tiledMlpUnsupported(run);
  if (choice === "rows") return rows ?? "rows";
  if (choice === "tiled") return tiled ?? "tiled";
  if (rows === null) return "rows";
  if (tiled === null) return "tiled";
  return `${rows}; ${tiled}`;
}
