import type { Tensor } from "../../math/tensor.ts";
import type { LinearClassification } from "../../problems/linear_classification.ts";
import type { Problem } from "../../problems/problem.ts";
import type { OptimizerSpec } from "../../spec/run_spec.ts";
import { fastExpMatchesHost, HEADER_BYTES, instantiateLinearGd } from "./_linear_gd_module.ts";

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
  /** Frees the kernel's memory. */
  dispose(): void;
}

const ROWS = 16; // rows per block, interleaved column by column (see linear_gd.wat)
const CHUNK_BYTES = 16384; // rows per chunk: as many as fit here (L1)
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
 * allocation; the data are copied once, into the kernel's own memory.
 *
 * @param problem The objective.
 * @param optimizer The update rule.
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
export function createLinearGdKernel(problem: Problem, optimizer: OptimizerSpec): LinearGdKernel | null {
  if (problem.kind !== "linear-classification" || optimizer.kind !== "gd") return null;
  const { z, options } = problem as LinearClassification;
  const n = problem.examples, d = problem.size;
  const dp = d + (d & 1), nb = Math.floor(n / ROWS), nt = n - ROWS * nb;
  const blockBytes = dp * 8 * ROWS;
  const cb = Math.max(1, Math.min(256, Math.floor(CHUNK_BYTES / blockBytes)));
  const sbuf = align16(HEADER_BYTES);
  const blocks = align16(sbuf + cb * 8 * ROWS);
  const tail = blocks + nb * blockBytes;
  const w = align16(tail + nt * d * 8);
  const g = w + dp * 8, buf = g + dp * 8, end = buf + dp * 8;
  if (end > MAX_BYTES) return null;
  let k = instantiateLinearGd();
  if (k === null) return null;
  const fast = fastExpMatchesHost() ? 1 : 0;
  k.memory.grow(Math.ceil(end / 65536));
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
  const mean = options.reduction === "mean" ? 1 : 0;
  const expLoss = options.loss === "exp" ? 1 : 0;

  return {
    run(params: Float64Array, steps: number): number {
      if (k === null) throw new Error("Cannot run a disposed kernel");
      mem.set(params.subarray(0, d), w / 8);
      let done = 0;
      while (done < steps) {
        const want = Math.min(steps - done, 2 ** 30);
        const took = k.run(
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
          want,
        );
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
      k = null;
      mem = new Float64Array(0);
    },
  };
}
