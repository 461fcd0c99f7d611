import type { CompiledRun } from "../run/compile_run.ts";
import type { Mlp } from "../problems/mlp/mlp.ts";
import { mlpKernel } from "./kernels/mlp.ts";
import { planTiledMlp } from "./_mlp_tiled_plan.ts";
import { GPU_OPTIMIZERS } from "./optimizers/gpu_optimizers.ts";

/** Which `mlp` kernels a run asks for: `auto` (by size, below), or forced. */
export type MlpKernelChoice = "auto" | "rows" | "tiled";

/** The optimizers the tiled `mlp` kernels implement (the row kernel runs every WebGPU rule). */
export const TILED_MLP_OPTIMIZERS: readonly string[] = ["gd", "sgd", "path-sgd", "adam", "adagrad", "rmsprop"];

/**
 * Most rows × parameters per step that `auto` leaves on the row kernel: its fused path takes many steps per dispatch,
 * which wins on tiny nets (llvmpipe, MNIST 10×10, batch 64: width 4 (29,000) 0.14 against 0.25 s per 2,000 images;
 * width 16 (114,000) 6.3 against 0.38 s). Measured on llvmpipe only; bench:gpu records both kernels to retune it.
 */
export const ROW_KERNEL_MAX_WORK = 2 ** 15;

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
  const plan = planTiledMlp({
    dims: [net.data.d, ...net.options.widths, net.outputs],
    n: net.data.n,
    rowsPerStep: rowsPerStep(run),
    params: net.size,
    slots: GPU_OPTIMIZERS[o.kind]!.slots,
    maxBindingBytes: DEFAULT_BINDING_BYTES,
  });
  return typeof plan === "string" ? plan : null;
}

/**
 * The one place that chooses between the two `mlp` kernels on WebGPU: the
 * row kernel (`kernels/mlp.wgsl`: a workgroup per run and block of rows,
 * activations in workgroup memory, every optimizer, up to about 380 units)
 * and the tiled kernels (`kernels/mlp_gemm.wgsl`: matrix products across
 * workgroups, activations in global memory, any width, every rule but normalized-gd).
 * `auto` takes the tiled kernels when they run the optimizer and a step
 * costs more than {@link ROW_KERNEL_MAX_WORK} rows × parameters (measured
 * 3–36× faster there on llvmpipe), the row kernel otherwise (tiny nets, and
 * every other optimizer while the net fits it). On hardware the crossover is
 * unmeasured.
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
  if (rows === null && (tiled !== null || stepWork(run) <= ROW_KERNEL_MAX_WORK)) return "rows";
  if (tiled === null) return "tiled";
  return `${rows}; ${tiled}`;
}

function rowsPerStep(run: CompiledRun): number {
  const o = run.spec.optimizer, n = (run.problem as Mlp).data.n;
  return o.kind === "sgd" || o.kind === "path-sgd" ? Math.min(o.batch, n) : n;
}

function stepWork(run: CompiledRun): number {
  return rowsPerStep(run) * run.problem.size;
}
