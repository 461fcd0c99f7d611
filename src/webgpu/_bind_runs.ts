import type { CompiledRun } from "../run/compile_run.ts";
import { PROBLEM_KERNELS } from "./kernels/problem_kernels.ts";
import type { BoundProblemKernel, ProblemKernel } from "./kernels/problem_kernel.ts";
import { webGpuUnsupported } from "./webgpu_unsupported.ts";
import { structLayouts } from "./_struct_layouts.ts";
import { GPU_OPTIMIZERS } from "./optimizers/gpu_optimizers.ts";
import type { GpuOptimizer } from "./optimizers/gpu_optimizer.ts";

/** SGD row indices uploaded per chunk of steps, all runs together. */
const ROWS_PER_CHUNK = 2 ** 22;

/** K runs checked to share one problem and optimizer kind, with their per-run hyperparameters. */
export interface BoundRuns {
  readonly problemKernel: ProblemKernel;
  readonly kernel: BoundProblemKernel;
  /** The update rule. */
  readonly optimizer: GpuOptimizer;
  /** Normalized GD: steps follow ∇log L. */
  readonly normalized: boolean;
  /** SGD: steps use rows uploaded per chunk. */
  readonly batched: boolean;
  /** The most rows one step of any run uses. */
  readonly rowsPerStep: number;
  /** SGD: room for row indices per run in the rows buffer. */
  readonly rowsPerRun: number;
  /** The `Hyper` records (`structLayouts().hyper.words` words per run; floats as float32 bits). */
  readonly hyper: Uint32Array<ArrayBuffer>;
}

/**
 * Binds K runs to their problem's kernel.
 *
 * @throws {RangeError} when the runs differ in problem (kind, data, loss) or
 *   optimizer kind, or the GPU does not implement them.
 */
export function bindRuns(
  runs: readonly CompiledRun[],
  kernels: Readonly<Record<string, ProblemKernel>> = PROBLEM_KERNELS,
  optimizers: Readonly<Record<string, GpuOptimizer>> = GPU_OPTIMIZERS,
): BoundRuns {
  const first = runs[0];
  if (first === undefined) throw new RangeError("Cannot make a WebGPU batch of no runs");
  const why = webGpuUnsupported(first, kernels, optimizers);
  if (why !== null) throw new RangeError(why);
  const problemKernel = kernels[first.problem.kind]!;
  const kernel = problemKernel.bind(first.problem);
  if (typeof kernel === "string") throw new RangeError(kernel);
  const optimizer = first.spec.optimizer.kind;
  runs.forEach((run, i) => {
    if (run.spec.optimizer.kind !== optimizer) {
      throw new RangeError(`Cannot batch run ${i} (${run.spec.optimizer.kind}) with run 0 (${optimizer})`);
    }
    if (run.problem !== first.problem && !sameProblem(kernel, problemKernel.bind(run.problem))) {
      throw new RangeError(`Cannot batch run ${i} with run 0: their problems differ`);
    }
    if (run.init.length !== kernel.params) {
      throw new RangeError(`Run ${i} has ${run.init.length} initial parameters but its problem has ${kernel.params}`);
    }
  });
  const n = kernel.rows;
  const rule = optimizers[optimizer]!;
  const H = structLayouts().hyper, W = H.words;
  const hyper = new Uint32Array(runs.length * W);
  const f32 = new Float32Array(hyper.buffer);
  let rowsPerStep = n;
  runs.forEach((run, i) => {
    const o = run.spec.optimizer;
    const h = rule.hyper(o);
    const constants = h.constants ?? [];
    if (constants.length > H.c6 - H.c0 + 1) {
      throw new RangeError(`The ${optimizer} rule has ${constants.length} constants; at most ${H.c6 - H.c0 + 1} fit`);
    }
    f32[i * W + H.lr] = h.lr;
    f32[i * W + H.momentum] = h.momentum ?? 0;
    hyper[i * W + H.nesterov] = h.nesterov ? 1 : 0;
    hyper[i * W + H.variant] = h.variant ?? 0;
    constants.forEach((c, k) => f32[i * W + H.c0 + k] = c);
    if (o.kind === "sgd" || o.kind === "path-sgd") {
      const batch = Math.min(o.batch, n);
      if (i === 0) rowsPerStep = batch;
      rowsPerStep = Math.max(rowsPerStep, batch);
      hyper[i * W + H.batch] = batch;
      hyper[i * W + H.spe] = Math.ceil(n / batch);
    }
  });
  const batched = optimizer === "sgd" || optimizer === "path-sgd";
  const rowsPerRun = batched ? Math.max(rowsPerStep, Math.floor(ROWS_PER_CHUNK / runs.length)) : 0;
  runs.forEach((_, i) => hyper[i * W + H.row_base] = i * rowsPerRun);
  return {
    problemKernel,
    kernel,
    optimizer: rule,
    normalized: optimizer === "normalized-gd",
    batched,
    rowsPerStep,
    rowsPerRun,
    hyper,
  };
}

function sameProblem(a: BoundProblemKernel, b: BoundProblemKernel | string): boolean {
  if (typeof b === "string" || a.signature !== b.signature || a.data.length !== b.data.length) return false;
  return a.data.every((d, i) => {
    const e = b.data[i]!;
    if (d.length !== e.length) return false;
    for (let j = 0; j < d.length; j++) if (d[j] !== e[j]) return false;
    return true;
  });
}
