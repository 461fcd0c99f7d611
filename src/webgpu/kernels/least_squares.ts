import type { Problem } from "../../problems/problem.ts";
import type { BoundProblemKernel, ProblemKernel } from "./problem_kernel.ts";
import { LINEAR_ROWS_WGSL, linearRowsLayout } from "./_linear_rows.ts";
import wgsl from "./least_squares.wgsl" with { type: "text" };

/**
 * The WebGPU kernel of `least-squares`: residuals uₙ − yₙ per row
 * (`least_squares.wgsl`) on the shared row-linear machinery. It has no log
 * form, so normalized GD follows ∇L / L, as on the CPU.
 *
 * @example Usage
 * ```ts
 * import { leastSquaresKernel } from "./least_squares.ts";
 * import { leastSquares } from "../../problems/least_squares/least_squares.ts";
 * import assert from "node:assert/strict";
 *
 * const bound = leastSquaresKernel.bind(leastSquares(
 *   { n: 1, d: 2, x: new Float64Array([1, 2]), y: new Float64Array([3]) },
 *   { reduction: "sum" },
 * ));
 * assert.ok(typeof bound !== "string");
 * assert.deepEqual(Array.from(bound.data[1]!), [3]);
 * ```
 */
export const leastSquaresKernel: ProblemKernel = {
  kind: "least-squares",
  wgsl: `${LINEAR_ROWS_WGSL}\n${wgsl}`,
  logGradient: false,
  bind(problem: Problem): BoundProblemKernel | string {
    if (problem.kind !== "least-squares") return `The least-squares kernel cannot run a ${problem.kind} problem`;
    const ls = problem;
    const { n, d, x, y } = ls.data;
    if (n * d >= 2 ** 32) return `The data has ${n}×${d} entries, more than a 32-bit index reaches`;
    return {
      params: d,
      rows: n,
      mean: ls.options.reduction === "mean",
      signature: `${ls.options.reduction}/${n}x${d}`,
      data: [Float32Array.from(x), Float32Array.from(y)],
      layout: (wg, path) => linearRowsLayout(d, wg, path === "multi"),
    };
  },
};
