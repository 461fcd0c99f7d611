import type { Problem } from "../../problems/problem.ts";
import type { LinearClassification } from "../../problems/linear_classification.ts";
import type { BoundProblemKernel, KernelLayout, ProblemKernel } from "./problem_kernel.ts";
import wgsl from "./linear_classification.wgsl" with { type: "text" };

/**
 * The WebGPU kernel of `linear-classification`: margins, stable loss
 * derivatives and gradient contributions of a block of rows in one pass
 * (see `linear_classification.wgsl`).
 *
 * @example Usage
 * ```ts
 * import { linearClassificationKernel } from "./linear_classification.ts";
 * import { linearClassification, soudryFig1 } from "../../problems/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const bound = linearClassificationKernel.bind(
 *   linearClassification(soudryFig1(), { loss: "logistic", reduction: "sum" }),
 * );
 * assert.ok(typeof bound !== "string");
 * assert.equal(bound.params, 2);
 * assert.equal(bound.layout(32).constants.LANES, 1);
 * ```
 */
export const linearClassificationKernel: ProblemKernel = {
  kind: "linear-classification",
  wgsl,
  logGradient: true,
  bind(problem: Problem): BoundProblemKernel | string {
    if (problem.kind !== "linear-classification") {
      return `The linear-classification kernel cannot run a ${problem.kind} problem`;
    }
    const lc = problem as LinearClassification;
    const n = lc.data.n, d = lc.data.d;
    if (n * d >= 2 ** 32) return `The data has ${n}×${d} entries, more than a 32-bit index reaches`;
    const z = Float32Array.from(lc.z);
    const loss = lc.options.loss === "logistic" ? 0 : 1;
    return {
      params: d,
      rows: n,
      mean: lc.options.reduction === "mean",
      signature: `${lc.options.loss}/${lc.options.reduction}/${n}x${d}`,
      data: [z],
      layout(wg: number): KernelLayout {
        // Each thread forms at most ~16 products of a row's margin.
        const lanes = Math.min(wg, 32, 2 ** Math.ceil(Math.log2(Math.max(1, Math.ceil(d / 16)))));
        const rowsPerChunk = wg / lanes;
        const cols = Math.min(d, wg), slices = Math.floor(wg / cols);
        const colLoops = Math.ceil(d / wg);
        const margins = 2 + Math.ceil(d / lanes) + Math.log2(lanes);
        const chunk = 2 + margins + colLoops * (2 + Math.ceil(rowsPerChunk / slices));
        return {
          constants: { D: d, LOSS: loss, LANES: lanes },
          workgroupBytes: 4 * (3 * wg + Math.max(wg, d)),
          rowsPerChunk,
          blockLoops(m: number): number {
            return 8 + 2 * colLoops + Math.ceil(m / rowsPerChunk) * chunk + colLoops * (2 + slices) +
              Math.log2(wg);
          },
          minMarginLoops(m: number): number {
            return 8 + Math.ceil(m / rowsPerChunk) * (1 + margins) + Math.log2(wg);
          },
        };
      },
    };
  },
};
