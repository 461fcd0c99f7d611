import type { Problem } from "../../problems/problem.ts";
import type { BoundProblemKernel, KernelLayout, ProblemKernel } from "./problem_kernel.ts";
import { marginRows, netLayout, netWgsl } from "./_net_rows.ts";
import wgsl from "./linear_net.wgsl" with { type: "text" };

/**
 * The WebGPU kernel of `linear-net`: each block computes the end-to-end
 * predictor β = (W_L⋯W₁)ᵀ from the layers, runs the row pass of linear
 * classification over zₙ = yₙxₙ for ∂L/∂β, and maps it onto every layer with
 * the chain rule (`linear_net.wgsl`). The loss depends on the layers only
 * through the margins ⟨zₙ, β⟩, so normalized GD gets the shifted ∇log L of
 * linear classification: the same ∇L/L as the CPU's, without underflow.
 *
 * @example Usage
 * ```ts
 * import { linearNetKernel } from "./linear_net.ts";
 * import { linearNet } from "../../problems/linear_net/linear_net.ts";
 * import { labeledData } from "../../problems/shared/labeled_data.ts";
 * import assert from "node:assert/strict";
 *
 * const net = linearNet(labeledData([[1, 0]], [1]), { widths: [3], loss: "exp", reduction: "sum" });
 * const bound = linearNetKernel.bind(net);
 * assert.ok(typeof bound !== "string");
 * assert.equal(bound.params, 3 * 2 + 1 * 3);
 * // dims 2, 3, 1; offsets of W₁, W₂; where a₀, a₁, a₂ start
 * assert.deepEqual(Array.from(bound.data[1]!), [2, 3, 1, 0, 6, 0, 2, 5]);
 * ```
 */
export const linearNetKernel: ProblemKernel = {
  kind: "linear-net",
  wgsl: netWgsl(wgsl),
  logGradient: true,
  bind(problem: Problem): BoundProblemKernel | string {
    if (problem.kind !== "linear-net") return `The linear-net kernel cannot run a ${problem.kind} problem`;
    const net = problem;
    const { n, d } = net.data;
    const z = marginRows(net.z, n, d);
    if (typeof z === "string") return z;
    const { loss, reduction } = net.options;
    const dims = [d, ...net.layers.map(([rows]) => rows)];
    const depth = net.layers.length;
    const offsets: number[] = [], bases: number[] = [];
    let size = 0, base = 0;
    for (const [rows, cols] of net.layers) {
      offsets.push(size);
      size += rows * cols;
    }
    for (const h of dims) {
      bases.push(base);
      base += h;
    }
    if (size >= 2 ** 24) return `The net has ${size} parameters, more than float32 indexes exactly`;
    return {
      params: size,
      rows: n,
      mean: reduction === "mean",
      signature: `${loss}/${reduction}/${n}x${d}/${dims.join("-")}`,
      data: [z, Float32Array.from([...dims, ...offsets, ...bases])],
      layout(wg: number): KernelLayout {
        const col = (m: number) => Math.ceil(m / wg);
        let predictor = depth + 1, chain = 2 * depth + 2;
        for (let l = 1; l <= depth; l++) {
          predictor += col(dims[l - 1]!) * (dims[l]! + 1) + 1;
          chain += col(dims[l]! * dims[l - 1]!) + 1;
          if (l < depth) chain += col(dims[l]!) * (dims[l - 1]! + 1) + 1;
        }
        const sumA = base, sumV = base - 1;
        return netLayout(d, wg, loss, {
          constants: { DEPTH: depth, NET_A: sumA, NET_V: sumV },
          workgroupBytes: 4 * (sumA + sumV),
          predictorLoops: predictor,
          chainLoops: chain,
        });
      },
    };
  },
};
