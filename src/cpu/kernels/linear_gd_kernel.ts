import type { Tensor } from "../../math/tensor.ts";
import type { LinearClassification } from "../../problems/linear_classification.ts";
import type { Problem } from "../../problems/problem.ts";
import type { OptimizerSpec } from "../../spec/run_spec.ts";
import { callShared, CONTROL, CONTROL_BYTES, type LinearGdJob, WORKER } from "./_linear_gd_control.ts";
import { fastExpMatchesHost, HEADER_BYTES, instantiateLinearGd, linearGdModule } from "./_linear_gd_module.ts";

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
  /**
   * Resolves to the number of threads `run` uses from then on: 2 once a
   * worker has started (large problems only), else 1.
   */
  readonly threads: Promise<number>;
  /** Frees the kernel's memory and stops its worker. */
  dispose(): void;
}

/** Options of {@link createLinearGdKernel}. */
export interface LinearGdKernelOptions {
  /**
   * Up to how many threads (1 or 2; default 2). A second thread (a Worker on a
   * shared memory) is used only from `minParallelWork` multiply-adds per
   * step on, where it pays for its two barriers per step.
   */
  threads?: number;
  /** n·d from which two threads are used (default 2¹⁷). */
  minParallelWork?: number;
  /**
   * Use two threads whenever the worker is ready, instead of timing one and
   * two threads and taking the faster (default false; for tests).
   */
  alwaysParallel?: boolean;
}

const CHUNK_BYTES = 16384; // rows per chunk: as many as fit here (L1)
const SLICE_SECONDS = 0.02; // with a worker, steps run in slices of about this long, timed
const PROBE_EVERY = 16; // slices between tries of the slower thread count
const MAX_BYTES = 2 ** 31; // beyond this, the reference loop

function align16(x: number): number {
  return Math.ceil(x / 16) * 16;
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
 * large problems a Worker takes half of each step: half the rows' margins,
 * then half the columns' gradient sums over all rows, so that no sum changes
 * order. An idle worker leaves after a second and is started again when
 * needed, so it never keeps a process alive.
 *
 * @param problem The objective.
 * @param optimizer The update rule.
 * @param options Threads.
 * @returns The kernel, or null when it does not apply (another problem or
 *   optimizer, no WebAssembly SIMD, or data over 2 GiB).
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
  const { z, options: loss } = problem as LinearClassification;
  const n = problem.examples, d = problem.size;
  const dp = d + (d & 1), nb = Math.floor(n / 4), nt = n - 4 * nb;
  const blockBytes = dp * 32, vecBytes = dp * 8;
  const cb = Math.max(1, Math.min(256, Math.floor(CHUNK_BYTES / blockBytes)));
  const wantThreads = (options.threads ?? 2) >= 2 && n * d >= (options.minParallelWork ?? 2 ** 17) && nb >= 2 &&
    typeof Worker === "function" && linearGdModule(true) !== null;
  const ctrl = HEADER_BYTES;
  const sbuf = align16(ctrl + CONTROL_BYTES);
  const blocks = align16(sbuf + cb * 32);
  const tail = blocks + nb * blockBytes;
  const w = align16(tail + nt * d * 8);
  const g = w + vecBytes, buf = g + vecBytes, w1 = buf + vecBytes, buf1 = w1 + vecBytes, s = buf1 + vecBytes;
  const end = wantThreads ? align16(s + n * 8) : w1;
  if (end > MAX_BYTES) return null;
  const made = (wantThreads ? instantiateLinearGd(end, true) : null) ?? instantiateLinearGd(end, false);
  if (made === null) return null;
  const { exports, memory } = made;
  const shared = memory.buffer instanceof SharedArrayBuffer;
  const fast = fastExpMatchesHost() ? 1 : 0;
  let mem = new Float64Array(memory.buffer);
  for (let b = 0; b < nb; b++) {
    const base = (blocks + b * blockBytes) / 8;
    for (let r = 0; r < 4; r++) {
      const row = (4 * b + r) * d;
      for (let j = 0; j < d; j++) mem[base + 4 * j + r] = z[row + j]!;
    }
  }
  mem.set(z.subarray(4 * nb * d), tail / 8);
  const momentum = optimizer.momentum;
  const rule = momentum === 0 ? 0 : optimizer.nesterov ? 2 : 1;
  const mean = loss.reduction === "mean" ? 1 : 0;
  const expLoss = loss.loss === "exp" ? 1 : 0;
  const common = [blocks, nb, cb, tail, nt, d, dp];
  const tailArgs = [expLoss, fast, mean, 1 / n, rule, optimizer.lr, momentum];
  const mainArgs = [...common, w, g, buf, s, ...tailArgs, ctrl, w, buf];
  const workerArgs = [...common, w1, g, buf1, s, ...tailArgs, ctrl, w, buf];

  const i32 = shared ? new Int32Array(memory.buffer) : null;
  const slot = (k: keyof typeof CONTROL) => ctrl / 4 + CONTROL[k];
  let worker: Worker | null = null;
  let disposed = false;
  let resolveThreads: (n: number) => void = () => {};
  const threads = new Promise<number>((resolve) => (resolveThreads = resolve));
  if (!shared) resolveThreads(1);

  function startWorker(): void {
    if (!i32 || disposed) return;
    Atomics.store(i32, slot("state"), WORKER.starting);
    const job: LinearGdJob = { module: linearGdModule(true)!, memory, args: workerArgs, ctrl };
    const wk = new Worker(new URL("./_linear_gd_worker.ts", import.meta.url).href, { type: "module" });
    worker = wk;
    wk.onmessage = (e: MessageEvent<string>) => {
      if (e.data === "ready") resolveThreads(2);
      if (e.data === "gone" && worker === wk) {
        wk.terminate();
        worker = null;
      }
    };
    wk.onerror = (e) => {
      e.preventDefault();
      if (worker === wk) worker = null;
      resolveThreads(1);
    };
    wk.postMessage(job);
  }
  startWorker();

  /** Runs on two threads when the worker is idle and can be claimed; else returns null. */
  function runParallel(k: number): number | null {
    if (!i32) return null;
    if (worker === null) {
      startWorker(); // it will be ready for a later call
      return null;
    }
    if (Atomics.compareExchange(i32, slot("state"), WORKER.idle, WORKER.busy) !== WORKER.idle) return null;
    Atomics.store(i32, slot("k"), k);
    Atomics.add(i32, slot("seq"), 1);
    Atomics.notify(i32, slot("seq"));
    const took = callShared(exports, 0, mainArgs, k);
    // The worker is at most one update behind; let it finish before anything else touches the memory.
    while (Atomics.load(i32, slot("state")) === WORKER.busy) Atomics.wait(i32, slot("state"), WORKER.busy, 50);
    return took;
  }

  function runOne(k: number): number {
    const args = [blocks, nb, cb, tail, nt, d, dp, w, g, buf, sbuf, expLoss, fast, mean, 1 / n, rule] as const;
    return exports.run(...args, optimizer.lr, momentum, k);
  }

  // Two threads beat one only when a second core is free, which changes as
  // other programs come and go: time both (the iterates are the same either
  // way), use the faster, and try the other every PROBE_EVERY slices.
  const secondsPerStep = [NaN, NaN, NaN];
  let slices = 0;
  function pickThreads(): 1 | 2 {
    if (worker === null) return 1;
    if (options.alwaysParallel) return 2;
    if (Number.isNaN(secondsPerStep[2]!)) return 2;
    if (Number.isNaN(secondsPerStep[1]!)) return 1;
    const best = secondsPerStep[2]! < secondsPerStep[1]! ? 2 : 1;
    return ++slices % PROBE_EVERY === 0 ? (best === 2 ? 1 : 2) : best;
  }

  return {
    threads,
    run(params: Float64Array, steps: number): number {
      if (disposed) throw new Error("Cannot run a disposed kernel");
      mem.set(params.subarray(0, d), w / 8);
      let done = 0;
      while (done < steps) {
        let want = Math.min(steps - done, 2 ** 30);
        if (!i32) {
          const took = runOne(want);
          done += took;
          if (took < want) break;
          continue;
        }
        const use = pickThreads();
        want = Math.min(want, Math.max(1, Math.round(SLICE_SECONDS / (secondsPerStep[use] || 1e-3))));
        const t0 = performance.now();
        const parallel = use === 2 ? runParallel(want) : null;
        const took = parallel ?? runOne(want);
        const seconds = (performance.now() - t0) / 1000;
        if (took > 0 && seconds > 1e-3) {
          const m = parallel === null ? 1 : 2, x = seconds / took;
          secondsPerStep[m] = Number.isNaN(secondsPerStep[m]!) ? x : 0.7 * secondsPerStep[m]! + 0.3 * x;
        }
        done += took;
        if (took < want) break;
      }
      params.set(mem.subarray(w / 8, w / 8 + d));
      return done;
    },
    state(): Record<string, Tensor> {
      if (rule === 0) return {};
      return { momentum: { shape: [d], data: mem.slice(buf / 8, buf / 8 + d) } };
    },
    dispose(): void {
      if (disposed) return;
      disposed = true;
      if (i32) {
        Atomics.store(i32, slot("quit"), 1);
        Atomics.add(i32, slot("seq"), 1);
        Atomics.notify(i32, slot("seq"));
      }
      worker?.terminate();
      worker = null;
      resolveThreads(1);
      mem = new Float64Array(0);
    },
  };
}
