import type { Problem } from "../../problems/problem.ts";
import type { BoundProblemKernel, KernelLayout, ProblemKernel } from "./problem_kernel.ts";
import { marginRows, netLayout, netWgsl } from "./_net_rows.ts";
import wgsl from "./linear_conv_net.wgsl" with { type: "text" };

/**
 * The WebGPU kernel of `linear-conv-net`: each block computes the end-to-end
 * predictor β = d^{−(L−1)/2}·(w₁ ∗ ⋯ ∗ w_L) by circular convolutions, runs the
 * row pass of linear classification over zₙ = yₙxₙ for ∂L/∂β, and maps it
 * onto every filter by circular correlations (`linear_conv_net.wgsl`, O(L·d²)
 * per block). As for `linear-net`, normalized GD gets the shifted ∇log L of
 * linear classification: the CPU's ∇L/L, without underflow.
 *
 * @example Usage
 * ```ts
 * import { linearConvNetKernel } from "./linear_conv_net.ts";
 * import { linearConvNet } from "../../problems/linear_conv_net/linear_conv_net.ts";
 * import { labeledData } from "../../problems/shared/labeled_data.ts";
 * import assert from "node:assert/strict";
 *
 * const net = linearConvNet(labeledData([[1, 2, 3, 4]], [1]), { depth: 3, loss: "exp", reduction: "sum" });
 * const bound = linearConvNetKernel.bind(net);
 * assert.ok(typeof bound !== "string");
 * assert.equal(bound.params, 12);
 * assert.deepEqual(bound.layout(32).constants, { D: 4, LANES: 1, LOSS: 1, DEPTH: 3, CV_SUF: 16, CV_SCALE: 0.25 });
 * ```
 */
export const linearConvNetKernel: ProblemKernel = {
  kind: "linear-conv-net",
  wgsl: netWgsl(wgsl),
  logGradient: true,
  bind(problem: Problem): BoundProblemKernel | string {
    if (problem.kind !== "linear-conv-net") return `The linear-conv-net kernel cannot run a ${problem.kind} problem`;
    const net = problem;
    const { n, d } = net.data;
    const z = marginRows(net.z, n, d);
    if (typeof z === "string") return z;
    const { depth, loss, reduction } = net.options;
    return {
      params: depth * d,
      rows: n,
      mean: reduction === "mean",
      signature: `${loss}/${reduction}/${n}x${d}/${depth}`,
      data: [z],
      layout(wg: number): KernelLayout {
        const cols = Math.ceil(d / wg);
        const conv = cols * (d + 1) + 1; // one pass of i over D with an inner loop over D
        return netLayout(d, wg, loss, {
          constants: { DEPTH: depth, CV_SUF: (depth + 1) * d, CV_SCALE: d ** (-(depth - 1) / 2) },
          workgroupBytes: 4 * ((depth + 5) * d),
          predictorLoops: cols + 1 + depth + 1 + depth * conv,
          chainLoops: cols + 1 + depth + 1 + depth * 2 * conv,
        });
      },
    };
  },
};
