import type { Problem } from "../../problems/problem.ts";
import type { BoundProblemKernel, KernelLayout, ProblemKernel } from "./problem_kernel.ts";
import wgsl from "./multiclass.wgsl" with { type: "text" };

/**
 * Scores (row, class) one chunk holds at most (unless k is larger). Kept small:
 * llvmpipe compiles the zero-initialization of workgroup arrays element by
 * element, and its compile time grows faster than linearly with their size.
 */
const MAX_PAIRS = 256;

/**
 * The layout of multiclass.wgsl for k classes and d features at workgroup
 * size wg: rows per chunk (one per thread, as far as their k scores fit
 * {@link MAX_PAIRS}), workgroup memory (scores, row indices, the k·d
 * gradient) and loop bounds that count every iteration of its loops, nested
 * ones in full, and one per loop entry.
 */
function multiclassLayout(k: number, d: number, wg: number): KernelLayout {
  const rows = Math.min(wg, Math.max(1, Math.floor(MAX_PAIRS / k)));
  const pairs = rows * k, p = k * d;
  const cols = Math.ceil(p / wg), log = Math.log2(wg);
  const scores = Math.ceil(pairs / wg) * (d + 1) + 1;
  return {
    constants: { D: d, K: k, MC_ROWS: rows, MC_PAIRS: pairs },
    workgroupBytes: 4 * (pairs + rows + p),
    rowsPerChunk: rows,
    blockLoops(m: number): number {
      const chunk = 1 + scores + 3 * (k + 1) + cols * (rows + 1) + 1;
      return 8 + 2 * (cols + 1) + Math.ceil(m / rows) * chunk + log + 1;
    },
    minMarginLoops(m: number): number {
      return 8 + Math.ceil(m / rows) * (1 + scores + k + 1) + log + 1;
    },
  };
}

/**
 * The WebGPU kernel of `multiclass`: softmax cross-entropy on W ∈ ℝ^{k×d}
 * (row-major, as the CPU's parameters), each row's k scores, its softmax
 * coefficients on gaps to the true class (stable, and exact when the loss is
 * tiny, as the CPU computes it) and the gradient (p_c − [c = yₙ])·xₙ in one
 * pass (`multiclass.wgsl`). Normalized GD follows ∇L/L as on the CPU, shifted
 * by the smallest multiclass margin min_{c≠yₙ} s_{yₙ} − s_c so that it does
 * not underflow in float32.
 *
 * @example Usage
 * ```ts
 * import { multiclassKernel } from "./multiclass.ts";
 * import { multiclass } from "../../problems/multiclass/multiclass.ts";
 * import assert from "node:assert/strict";
 *
 * const bound = multiclassKernel.bind(multiclass(
 *   { n: 2, d: 1, x: new Float64Array([1, -2]), y: new Float64Array([0, 2]) },
 *   { classes: 3, reduction: "sum" },
 * ));
 * assert.ok(typeof bound !== "string");
 * assert.equal(bound.params, 3);
 * assert.deepEqual(Array.from(bound.data[1]!), [0, 2]);
 * assert.equal(bound.layout(32).rowsPerChunk, 32);
 * ```
 */
export const multiclassKernel: ProblemKernel = {
  kind: "multiclass",
  wgsl,
  logGradient: true,
  bind(problem: Problem): BoundProblemKernel | string {
    if (problem.kind !== "multiclass") return `The multiclass kernel cannot run a ${problem.kind} problem`;
    const mc = problem;
    const { n, d, x, y } = mc.data;
    const k = mc.classes;
    if (n * d >= 2 ** 32 || k * d >= 2 ** 32) {
      return `The data has ${n}×${d} entries and W ${k}×${d}, more than a 32-bit index reaches`;
    }
    const reduction = mc.options.reduction;
    return {
      params: k * d,
      rows: n,
      mean: reduction === "mean",
      signature: `${reduction}/${n}x${d}/${k}`,
      data: [Float32Array.from(x), Float32Array.from(y)],
      layout: (wg) => multiclassLayout(k, d, wg),
    };
  },
};
