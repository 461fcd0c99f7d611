import type { BoundProblemKernel, KernelLayout } from "./kernels/problem_kernel.ts";

/**
 * Mesa's llvmpipe silently ends a shader invocation after 65,535 loop
 * iterations in total (all loops, nested ones counted in full, measured on
 * Mesa 22.3): every dispatch is planned to stay below this.
 */
export const LOOP_BUDGET = 60_000;
/** Multiply-adds one workgroup may spend in one fused dispatch (keeps dispatches short for watchdogs). */
export const WORK_PER_DISPATCH = 2 ** 25;
/** Above this many multiply-adds per step (rows × parameters), `auto` spreads each step over many workgroups. */
export const FUSED_WORK_MAX = 2 ** 18;
/** Most partial sums per run of the multi-workgroup path. */
export const MAX_BLOCKS = 1024;

/** The update rule's share of a batch's costs (`optimizers/`). */
export interface PlanUpdate {
  /** State slots per parameter, all together (`SLOTS`: parameters, compensation, gradient, the rule's, saved point). */
  readonly slots: number;
  /** Loop iterations of one step's update (the rule's `opt_update`, and saving the point of a guarded rule). */
  loops(params: number, wg: number): number;
  /** A guarded rule: each fused dispatch first checks the current point (one more pass over all rows). */
  readonly guarded: boolean;
}

/** gd, sgd and normalized gd: 4 slots (parameters, compensation, gradient, momentum), one pass over the parameters. */
export const MOMENTUM_UPDATE: PlanUpdate = {
  slots: 4,
  loops: (params, wg) => Math.ceil(params / wg) + 1,
  guarded: false,
};

/** How a batch runs: fused (one workgroup per run, many steps per dispatch) or multi-workgroup (one pass per step). */
export interface BatchPlan {
  readonly path: "fused" | "multi";
  /** Threads per workgroup. */
  readonly wg: number;
  /** Multi: workgroups per run and step. */
  readonly blocks: number;
  /** Fused: steps per dispatch (multi: 1). */
  readonly stepsPerDispatch: number;
  /** The problem kernel's layout at `wg`. */
  readonly kernel: KernelLayout;
}

/** What {@link planBatch} needs to know. */
export interface PlanInput {
  readonly bound: BoundProblemKernel;
  /** Largest number of rows one step uses (n, or the SGD batch). */
  readonly rowsPerStep: number;
  /** Normalized GD on a kernel with a log form: an extra min-margin pass per step. */
  readonly minMarginPass: boolean;
  /** The device's `maxComputeWorkgroupStorageSize`. */
  readonly maxWorkgroupBytes: number;
  /** Runs in the batch. */
  readonly runs: number;
  /** The device's `maxStorageBufferBindingSize` (bounds the partial sums of the multi-workgroup path). */
  readonly maxBindingBytes: number;
  /** Force a path (default: by size). */
  readonly path?: "auto" | "fused" | "multi";
  /** At most this many steps per fused dispatch (1: one dispatch per step). */
  readonly stepsPerDispatch?: number;
  /** Fused: threads per workgroup (a power of two in [32, 256]; default: the rows or parameters, rounded up). */
  readonly fusedWorkgroupSize?: number;
  /** The update rule (default {@link MOMENTUM_UPDATE}). */
  readonly update?: PlanUpdate;
}

/**
 * Chooses the path, workgroup size, blocks and steps per dispatch of a batch
 * so that no invocation exceeds {@link LOOP_BUDGET} loop iterations.
 *
 * @throws {RangeError} when the forced path cannot run this problem.
 */
export function planBatch(input: PlanInput): BatchPlan {
  const fwg = input.fusedWorkgroupSize;
  if (fwg !== undefined && !(fwg >= 32 && fwg <= 256 && (fwg & (fwg - 1)) === 0)) {
    throw new RangeError(`The fused workgroup size must be a power of two in [32, 256] (saw ${fwg})`);
  }
  const fused = planFused(input);
  const wanted = input.path ?? "auto";
  if (wanted === "fused") {
    if (typeof fused === "string") throw new RangeError(`Cannot run the fused WebGPU path: ${fused}`);
    return fused;
  }
  if (
    wanted === "auto" && typeof fused !== "string" &&
    input.rowsPerStep * input.bound.params <= FUSED_WORK_MAX
  ) return fused;
  return planMulti(input);
}

function planFused(input: PlanInput): BatchPlan | string {
  const { bound, rowsPerStep: m } = input;
  const p = bound.params;
  const update = input.update ?? MOMENTUM_UPDATE;
  const wg = input.fusedWorkgroupSize ?? clamp(2 ** Math.ceil(Math.log2(Math.max(m, p, 1))), 32, 256);
  const kernel = bound.layout(wg, "fused");
  const bytes = 4 * (update.slots * p + 2 * wg) + 64 + kernel.workgroupBytes;
  if (bytes > input.maxWorkgroupBytes) {
    return `it needs ${bytes} bytes of workgroup memory but the device allows ${input.maxWorkgroupBytes}`;
  }
  const cols = Math.ceil(p / wg), log = Math.log2(wg);
  const perStep = 8 + (input.minMarginPass ? kernel.minMarginLoops(m) : 0) + kernel.blockLoops(m) + 4 * cols +
    4 * log + update.loops(p, wg);
  // Loading and storing the state; a guarded rule's first check and its restore.
  const fixed = 16 + 2 * Math.ceil((update.slots * p) / wg) +
    (update.guarded ? kernel.blockLoops(bound.rows) + 4 * cols + 4 * log + update.loops(p, wg) : 0);
  const report = 16 + kernel.blockLoops(bound.rows) + 4 * cols + 4 * log;
  if (report > LOOP_BUDGET) return `one pass over its ${bound.rows} rows exceeds a workgroup's loop budget`;
  let steps = Math.floor((LOOP_BUDGET - fixed) / perStep);
  if (steps < 1) return `one step over ${m} rows exceeds a workgroup's loop budget`;
  steps = Math.min(steps, Math.max(1, Math.floor(WORK_PER_DISPATCH / (m * p))), input.stepsPerDispatch ?? Infinity);
  return { path: "fused", wg, blocks: 1, stepsPerDispatch: Math.max(1, Math.floor(steps)), kernel };
}

function planMulti(input: PlanInput): BatchPlan {
  const { bound } = input;
  const update = input.update ?? MOMENTUM_UPDATE;
  const p = bound.params, n = bound.rows;
  const wg = clamp(2 ** Math.ceil(Math.log2(Math.max(p, 1))), 32, 256);
  const kernel = bound.layout(wg, "multi");
  const bytes = 4 * 2 * wg + 64 + kernel.workgroupBytes;
  if (bytes > input.maxWorkgroupBytes) {
    throw new RangeError(
      `Cannot run a problem of ${p} parameters on WebGPU: its kernel needs ${bytes} bytes of workgroup memory ` +
        `but the device allows ${input.maxWorkgroupBytes}`,
    );
  }
  const cols = Math.ceil(p / wg), log = Math.log2(wg);
  const partial = (b: number) =>
    16 + Math.ceil(b / wg) + 2 * log + kernel.blockLoops(Math.ceil(n / b)) +
    (input.minMarginPass ? kernel.minMarginLoops(Math.ceil(n / b)) : 0);
  // (An upper bound: since multi_fold, multi_update reads one folded part per parameter, not b of them.)
  const updateLoops = (b: number) =>
    16 + 2 * Math.ceil(b / wg) + 2 * cols * (2 + b) + 4 * log + 2 * update.loops(p, wg);
  const memoryBlocks = Math.floor(input.maxBindingBytes / (input.runs * (p + 2) * 4));
  let blocks = clamp(Math.ceil(n / kernel.rowsPerChunk), 1, Math.min(MAX_BLOCKS, memoryBlocks));
  while (partial(blocks) > LOOP_BUDGET && blocks < Math.min(65_535, memoryBlocks)) {
    blocks = Math.min(65_535, memoryBlocks, blocks * 2);
  }
  // Many parameters: the update workgroup adds every block's part per parameter, so fewer, longer blocks (mlp).
  while (updateLoops(blocks) > LOOP_BUDGET && blocks > 1 && partial(Math.ceil(blocks / 2)) <= LOOP_BUDGET) {
    blocks = Math.ceil(blocks / 2);
  }
  // multi_fold: a thread adds every (wg / 8)-th block's part of its column (four a loop), then one strided sum.
  const foldLoops = (b: number) => 8 + Math.ceil(b / (wg / 8)) + 2 * log;
  if (
    blocks < 1 || partial(blocks) > LOOP_BUDGET || updateLoops(blocks) > LOOP_BUDGET || foldLoops(blocks) > LOOP_BUDGET
  ) {
    throw new RangeError(
      `Cannot run ${input.runs} run(s) of a problem of ${n} rows and ${p} parameters on WebGPU: ` +
        `a step does not fit the loop budget and the device's ${input.maxBindingBytes}-byte buffer bindings`,
    );
  }
  return { path: "multi", wg, blocks, stepsPerDispatch: 1, kernel };
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}
