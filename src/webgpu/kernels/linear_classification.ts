import type { Problem } from "../../problems/problem.ts";
import type { BoundProblemKernel, KernelLayout, ProblemKernel } from "./problem_kernel.ts";
import { LINEAR_ROWS_WGSL, linearRowsLayout } from "./_linear_rows.ts";
import wgsl from "./linear_classification.wgsl" with { type: "text" };

/**
 * The WebGPU kernel of `linear-classification`: stable logistic and
 * exponential loss derivatives per row (`linear_classification.wgsl`) on the
 * shared row-linear machinery (margins, derivatives and gradient
 * contributions of a block of rows in one pass), with the shifted ∇log L
 * that normalized GD needs.
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
  wgsl: `${LINEAR_ROWS_WGSL}\n${wgsl}`,
  logGradient: true,
  bind(problem: Problem): BoundProblemKernel | string {
    if (problem.kind !== "linear-classification") {
      return `The linear-classification kernel cannot run a ${problem.kind} problem`;
    }
    const lc = problem;
    const n = lc.data.n, d = lc.data.d;
    if (n * d >= 2 ** 32) return `The data has ${n}×${d} entries, more than a 32-bit index reaches`;
    const loss = lc.options.loss === "logistic" ? 0 : 1;
    return {
      params: d,
      rows: n,
      mean: lc.options.reduction === "mean",
      signature: `${lc.options.loss}/${lc.options.reduction}/${n}x${d}`,
      data: [Float32Array.from(lc.z)],
      layout(wg: number, path?: "fused" | "multi"): KernelLayout {
        const rows = linearRowsLayout(d, wg, path === "multi");
        return { ...rows, constants: { ...rows.constants, LOSS: loss } };
      },
    };
  },
};
