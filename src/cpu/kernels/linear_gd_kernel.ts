import type { Tensor } from "../../math/tensor.ts";
import type { Problem } from "../../problems/problem.ts";
import type { OptimizerSpec } from "../../spec/optimizer_schema.ts";
import { createLinearGdHelper, type LinearGdHelper } from "./_linear_gd_helper.ts";
import {
  fastExpMatchesHost,
  HEADER_BYTES,
  instantiateLinearGd,
  kernelAddresses,
  type LinearGdExports,
  MAX_MEMORY_BYTES,
} from "./_linear_gd_module.ts";
import { createThreadChoice } from "./_thread_choice.ts";

/** A fused multi-step runner: many optimizer steps per call, in WebAssembly. */
export interface LinearGdKernel {
  /**
   * Takes up to `k` steps on `params` in place.
   *
   * @returns The number of steps taken: fewer than `k` only when a gradient
   *   was not finite, and then `params` holds the iterate before that step.
   */
  run(params: Float64Array, k: number): number;
  /** Copies of the optimizer state (the momentum buffer, when there is one). */
  state(): Record<string, Tensor>;
  /** How many threads the last call of `run` used (1 before any). */
  readonly threads: number;
  /** Resolves true once the helper thread is ready to take part, false if there is none. */
  helperReady(): Promise<boolean>;
  /** Frees the kernel's memory and ends its helper thread. */
  dispose(): void;
}

const ROWS = 16; // rows per block, interleaved column by column (see linear_gd/00_layout.wat)
const CHUNK_BYTES = 16384; // one thread: rows per chunk, as many as fit here (L1)
const THREAD_CHUNK_BYTES = 2 ** 20; // two threads: rows per chunk (a barrier each; measured best at 1 MiB)
const MIN_THREAD_WORK = 16384; // two threads only for steps of at least this many multiply-adds...
const MIN_CALL_WORK = 4e6; // ...and calls of at least this many (about a millisecond)
const STALL_MS = 5; // the host thread's patience with its helper at a barrier
const HELPER_TIMEOUT_MS = 30_000; // after a stall, how long the host waits for the helper to let go
// Control words of linear_gd/40_threads.wat: A, B, STOP, STALL.

/** Options of {@link createLinearGdKernel}. */
export interface LinearGdKernelOptions {
  /**
   * `1`: one thread; `2`: two whenever the data are large enough (the host's
   * and a helper Worker's); `auto` (default): two where there are two cores,
   * as long as they measure faster than one (they don't when another process
   * has the second core).
   */
  threads?: 1 | 2 | "auto";
  /**
   * How long the host thread waits for its helper at a barrier, in
   * milliseconds (default 5; barriers normally take microseconds), before it
   * finishes the call alone: a helper that a busy machine does not schedule
   * costs a few milliseconds, never results, and `auto` then prefers one
   * thread.
   */
  stallMs?: number;
}

function align16(x: number): number {
  return Math.ceil(x / 16) * 16;
}

function align64(x: number): number {
  return Math.ceil(x / 64) * 64;
}

function align4096(x: number): number {
  return Math.ceil(x / 4096) * 4096;
}

/**
 * A WebAssembly SIMD kernel for full-batch gradient descent (with or without
 * momentum) on linear classification, whose iterates are bit-identical to the
 * reference loop (`problem.gradient` then the optimizer's update): SIMD lanes
 * run over rows, every sum keeps its order, and exp is correctly rounded like
 * V8's Math.exp (checked at start; otherwise Math.exp itself is called).
 *
 * Each step is one pass over the data in chunks that stay in L1, with no
 * allocation; the data are copied once, into the kernel's own memory. On
 * large enough data a second thread (a Worker sharing that memory) takes half
 * of each chunk's rows for the margins, then half of the columns for the
 * gradient: each margin is still one sum in order of the columns and each
 * gradient entry one sum in order of the rows, so two threads give the same
 * iterates as one.
 *
 * @param problem The objective.
 * @param optimizer The update rule.
 * @param options How many threads.
 * @returns The kernel, or null when it does not apply (another problem or
 *   optimizer, no WebAssembly SIMD and threads, or data over 2 GiB).
 *
 * @example Usage
 * ```ts
 * import { createLinearGdKernel } from "./linear_gd_kernel.ts";
 * import { linearClassification, soudryFig1 } from "../../problems/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const problem = linearClassification(soudryFig1(), { loss: "logistic", reduction: "sum" });
 * const kernel = createLinearGdKernel(problem, { kind: "gd", lr: 0.1, momentum: 0, nesterov: false })!;
 * const w = new Float64Array(2);
 * assert.equal(kernel.run(w, 1000), 1000);
 * kernel.dispose();
 * ```
 */
export function createLinearGdKernel(
  problem: Problem,
  optimizer: OptimizerSpec,
  options: LinearGdKernelOptions = {},
): LinearGdKernel | null {
  if (problem.kind !== "linear-classification" || optimizer.kind !== "gd") return null;
  const { z, options: objective } = problem;
  const n = problem.examples, d = problem.size;
  const dp = d + (d & 1), nb = Math.floor(n / ROWS), nt = n - ROWS * nb;
  const blockBytes = dp * 8 * ROWS;
  const cb = Math.max(1, Math.min(256, Math.floor(CHUNK_BYTES / blockBytes)));
  const sbuf = align16(HEADER_BYTES);
  const blocks = align16(sbuf + cb * 8 * ROWS);
  const tail = blocks + nb * blockBytes;
  // w, g, buf and ua (u) start on cache lines; ub and gb, what the helper
  // thread writes, lie a page away from what the host thread writes.
  const w = align64(tail + nt * d * 8);
  const g = align64(w + dp * 8), buf = align64(g + dp * 8), u = align64(buf + dp * 8);
  const ub = align4096(u + nb * ROWS * 8 + 4096), gb = align4096(ub + nb * ROWS * 8 + 4096), end = gb + dp * 8;
  if (end > MAX_MEMORY_BYTES) return null;
  let k = instantiateLinearGd(end);
  const addresses = kernelAddresses();
  if (k === null || addresses === null) return null;
  const controlWords = addresses.control.map((b) => b / 4), stallWord = addresses.stall / 4;
  const fast = fastExpMatchesHost() ? 1 : 0;
  let mem = new Float64Array(k.memory.buffer);
  for (let b = 0; b < nb; b++) {
    const base = (blocks + b * blockBytes) / 8;
    for (let r = 0; r < ROWS; r++) {
      const row = (ROWS * b + r) * d;
      for (let j = 0; j < d; j++) mem[base + ROWS * j + r] = z[row + j]!;
    }
  }
  mem.set(z.subarray(ROWS * nb * d), tail / 8);
  const momentum = optimizer.momentum;
  const rule = momentum === 0 ? 0 : optimizer.nesterov ? 2 : 1;
  const mean = objective.reduction === "mean" ? 1 : 0;
  const expLoss = objective.loss === "exp" ? 1 : 0;

  // Two threads: A (this one) takes the column pairs [0, pa) of the gradient,
  // the helper the rest; pa is a multiple of 4 (64 bytes of g), so that the
  // threads' parts of g never share a cache line.
  const threads = options.threads ?? "auto";
  const cores = typeof navigator === "undefined" ? 1 : navigator.hardwareConcurrency ?? 1;
  const canTwo = threads !== 1 && (threads === 2 || cores >= 2) && nb >= 2 && dp >= 16 && n * d >= MIN_THREAD_WORK;
  const pa = 4 * Math.min(Math.floor((dp / 2 - 1) / 4), Math.max(1, Math.round(dp / 16)));
  const cbTwo = Math.max(1, Math.min(nb, Math.floor(THREAD_CHUNK_BYTES / blockBytes)));
  const barriersPerStep = Math.ceil(nb / cbTwo) + 2;
  let helper = canTwo ? createLinearGdHelper(k.memory) : null;
  const choice = createThreadChoice({ threads, minWork: MIN_CALL_WORK });
  const stallMs = Math.max(0, options.stallMs ?? STALL_MS);
  const words = new Int32Array(k.memory.buffer);
  let lastThreads = 1;

  function runOne(kk: LinearGdExports, steps: number): number {
    return kk.run(
      blocks,
      nb,
      cb,
      tail,
      nt,
      d,
      dp,
      w,
      g,
      buf,
      sbuf,
      expLoss,
      fast,
      mean,
      1 / n,
      rule,
      optimizer.lr,
      momentum,
      steps,
    );
  }

  // Returns the steps taken and whether the helper stalled (then the rest runs on one thread).
  function runTwo(kk: LinearGdExports, h: LinearGdHelper, steps: number): [number, boolean] {
    for (const i of controlWords) Atomics.store(words, i, 0);
    h.start([blocks, nb, cbTwo, dp, w, g, gb, u, ub, expLoss, fast, steps, pa]);
    const took = kk.runA(
      blocks,
      nb,
      cbTwo,
      tail,
      nt,
      d,
      dp,
      w,
      g,
      buf,
      u,
      ub,
      expLoss,
      fast,
      mean,
      1 / n,
      rule,
      optimizer.lr,
      momentum,
      steps,
      pa,
      stallMs,
    );
    h.finish(HELPER_TIMEOUT_MS);
    return [took, Atomics.load(words, stallWord) === 1];
  }

  return {
    run(params: Float64Array, steps: number): number {
      if (k === null) throw new Error("Cannot run a disposed kernel");
      mem.set(params.subarray(0, d), w / 8);
      let done = 0;
      let alone = false; // after a stall, the rest of the call runs on one thread
      while (done < steps) {
        const rest = steps - done;
        const two: boolean = !alone && helper !== null && choice.useTwo(rest * n * d) && helper.ready();
        const want = Math.min(rest, two ? Math.floor(2 ** 30 / barriersPerStep) : 2 ** 30);
        const t0 = performance.now();
        const [took, stalled]: [number, boolean] = two ? runTwo(k, helper!, want) : [runOne(k, want), false];
        if (want * n * d >= MIN_CALL_WORK) choice.record(two, Math.max(took, 1), performance.now() - t0);
        lastThreads = two ? 2 : 1;
        done += took;
        alone ||= stalled;
        if (took < want && !stalled) break;
      }
      params.set(mem.subarray(w / 8, w / 8 + d));
      return done;
    },
    get threads(): number {
      return lastThreads;
    },
    helperReady(): Promise<boolean> {
      return helper === null ? Promise.resolve(false) : helper.whenReady();
    },
    state(): Record<string, Tensor> {
      if (rule === 0) return {};
      return { momentum: { shape: [d], data: mem.slice(buf / 8, buf / 8 + d) } };
    },
    dispose(): void {
      helper?.dispose();
      helper = null;
      k = null;
      mem = new Float64Array(0);
    },
  };
}
