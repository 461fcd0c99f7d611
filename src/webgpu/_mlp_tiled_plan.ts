import { LOOP_BUDGET } from "./_plan.ts";

/** Side of the output tile one workgroup of `mlp_gemm.wgsl` computes (8×8 threads, 4×4 outputs each). */
export const GEMM_TILE = 32;
/** Contraction steps per tile load in `mlp_gemm.wgsl`. */
export const GEMM_DEPTH = 8;
/** Threads per workgroup of every tiled-path kernel. */
export const TILED_WG = 64;
/** Most rows of a step one pass of the tiled path takes at once (activations are chunk rows × width). */
export const MAX_CHUNK_ROWS = 1024;
/** Most workgroups per dispatch dimension (WebGPU's default `maxComputeWorkgroupsPerDimension`). */
const MAX_GROUPS = 65_535;

/** What {@link planTiledMlp} needs to know of a net and its optimizer. */
export interface TiledMlpInput {
  /** Layer widths from the input: d, h₁, …, k. */
  readonly dims: readonly number[];
  /** Examples in the training set. */
  readonly n: number;
  /** Rows one step uses (n for full-batch GD, else the batch clamped to n). */
  readonly rowsPerStep: number;
  /** Parameters. */
  readonly params: number;
  /** State slots per parameter of the update rule, kept in one buffer (default 1). */
  readonly slots?: number;
  /** The device's `maxStorageBufferBindingSize` (bytes). */
  readonly maxBindingBytes: number;
}

/** How the tiled path runs a net: chunking, grid strides and each kernel's loop bound. */
export interface TiledMlpPlan {
  /** Rows per chunk of a step (and of the evaluation pass over all n). */
  readonly chunkRows: number;
  /** Chunks of one training step. */
  readonly stepChunks: number;
  /** Chunks of one evaluation pass over the n training examples. */
  readonly evalChunks: number;
  /** Invocations of the per-parameter passes (grid stride; a multiple of {@link TILED_WG}). */
  readonly paramThreads: number;
  /** Invocations of the gather pass. */
  readonly gatherThreads: number;
  /** Upper bounds on one invocation's loop iterations (llvmpipe's cap), by kernel. */
  readonly loops: { readonly gemm: number; readonly gather: number; readonly head: number; readonly params: number };
}

/**
 * Loop iterations of one `mlp_gemm.wgsl` invocation contracting over `k`:
 * ⌈k/8⌉ tile loads, each entering and running the 8 rank-1 updates (9),
 * plus the outer loop's entry and the 4-pass epilogue (5).
 *
 * @example Usage
 * ```ts
 * import { gemmLoops } from "./_mlp_tiled_plan.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(gemmLoops(16), 2 * 10 + 1 + 5);
 * ```
 */
export function gemmLoops(k: number): number {
  return Math.ceil(k / GEMM_DEPTH) * (GEMM_DEPTH + 2) + 1 + 5;
}

/**
 * Plans the tiled path for a net (the one place its sizes are chosen):
 * chunks of at most {@link MAX_CHUNK_ROWS} rows, grid strides that keep every
 * dispatch within WebGPU's 65,535 workgroups per dimension, and, for each
 * kernel, a bound on one invocation's loop iterations that must stay under
 * llvmpipe's cap ({@link LOOP_BUDGET}): the contractions are over a layer's
 * width (forward, back-propagation) or a chunk's rows (weight gradients), so a
 * layer wider than about 48,000 units is refused rather than cut short.
 *
 * @param input Widths, examples, rows per step, parameters and the binding limit.
 * @returns The plan, or a sentence saying why the net does not fit.
 *
 * @example Usage
 * ```ts
 * import { planTiledMlp } from "./_mlp_tiled_plan.ts";
 * import assert from "node:assert/strict";
 *
 * const plan = planTiledMlp({ dims: [100, 4096, 10], n: 50_000, rowsPerStep: 64, params: 454_666,
 *   maxBindingBytes: 2 ** 27 });
 * assert.ok(typeof plan !== "string");
 * assert.equal(plan.chunkRows, 1024);
 * assert.equal(plan.stepChunks, 1);
 * ```
 */
export function planTiledMlp(input: TiledMlpInput): TiledMlpPlan | string {
  const { dims, n, rowsPerStep, params, maxBindingBytes } = input;
  const chunkRows = Math.min(MAX_CHUNK_ROWS, n);
  const k = dims[dims.length - 1]!;
  const widest = Math.max(...dims);
  const contraction = Math.max(widest, chunkRows);
  const gemm = gemmLoops(contraction);
  const groups = (threads: number) => Math.min(MAX_GROUPS, Math.ceil(threads / TILED_WG));
  const paramThreads = groups(params) * TILED_WG;
  const gatherThreads = groups(chunkRows * dims[0]!) * TILED_WG;
  const loops = {
    gemm,
    gather: Math.ceil((chunkRows * dims[0]!) / gatherThreads) + 1,
    head: 2 * (k + 1),
    params: Math.ceil(params / paramThreads) + 1,
  };
  const worst = Object.entries(loops).find(([, v]) => v > LOOP_BUDGET);
  if (worst !== undefined) {
    return `The tiled mlp kernels' ${worst[0]} pass would take ${worst[1]} loop iterations per invocation, over ` +
      `the ${LOOP_BUDGET} a software adapter runs (widths ${dims.join("-")})`;
  }
  const biggest = 4 * Math.max(params * Math.max(1, input.slots ?? 1), 2 * n, n * dims[0]!, chunkRows * widest);
  if (biggest > maxBindingBytes) {
    return `The tiled mlp kernels need a ${biggest}-byte buffer for widths ${dims.join("-")} on ${n} examples, ` +
      `over the device's ${maxBindingBytes}-byte binding limit`;
  }
  if (Math.ceil(widest / GEMM_TILE) > MAX_GROUPS) {
    return `A layer of ${widest} units needs more than ${MAX_GROUPS} workgroups per dispatch dimension`;
  }
  return {
    chunkRows,
    stepChunks: Math.ceil(rowsPerStep / chunkRows),
    evalChunks: Math.ceil(n / chunkRows),
    paramThreads,
    gatherThreads,
    loops,
  };
}
