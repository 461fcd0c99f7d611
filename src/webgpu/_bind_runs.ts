import type { CompiledRun } from "../engine/compile_run.ts";
import { PROBLEM_KERNELS } from "./kernels/problem_kernels.ts";
import type { BoundProblemKernel, ProblemKernel } from "./kernels/problem_kernel.ts";
import { webGpuUnsupported } from "./webgpu_unsupported.ts";

/** SGD row indices uploaded per chunk of steps, all runs together. */
const ROWS_PER_CHUNK = 2 ** 22;

/** K runs checked to share one problem and optimizer kind, with their per-run hyperparameters. */
export interface BoundRuns {
  readonly problemKernel: ProblemKernel;
  readonly kernel: BoundProblemKernel;
  /** Normalized GD: steps follow ∇log L. */
  readonly normalized: boolean;
  /** SGD: steps use rows uploaded per chunk. */
  readonly batched: boolean;
  /** The most rows one step of any run uses. */
  readonly rowsPerStep: number;
  /** SGD: room for row indices per run in the rows buffer. */
  readonly rowsPerRun: number;
  /** The `Hyper` records (8 words per run; lr and momentum as float32 bits). */
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
): BoundRuns {
  const first = runs[0];
  if (first === undefined) throw new RangeError("Cannot make a WebGPU batch of no runs");
  const why = webGpuUnsupported(first, kernels);
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
  const hyper = new Uint32Array(runs.length * 8);
  const f32 = new Float32Array(hyper.buffer);
  let rowsPerStep = n;
  runs.forEach((run, i) => {
    const o = run.spec.optimizer;
    f32[i * 8] = o.lr;
    if (o.kind === "gd" || o.kind === "sgd") {
      f32[i * 8 + 1] = o.momentum;
      hyper[i * 8 + 2] = o.nesterov ? 1 : 0;
    }
    if (o.kind === "sgd") {
      const batch = Math.min(o.batch, n);
      if (i === 0) rowsPerStep = batch;
      rowsPerStep = Math.max(rowsPerStep, batch);
      hyper[i * 8 + 3] = batch;
      hyper[i * 8 + 4] = Math.ceil(n / batch);
    }
  });
  const rowsPerRun = optimizer === "sgd" ? Math.max(rowsPerStep, Math.floor(ROWS_PER_CHUNK / runs.length)) : 0;
  runs.forEach((_, i) => hyper[i * 8 + 7] = i * rowsPerRun);
  return {
    problemKernel,
    kernel,
    normalized: optimizer === "normalized-gd",
    batched: optimizer === "sgd",
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
