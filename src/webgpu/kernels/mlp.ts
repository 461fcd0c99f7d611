import type { Problem } from "../../problems/problem.ts";
import type { Mlp } from "../../problems/mlp/mlp.ts";
import type { BoundProblemKernel, KernelLayout, ProblemKernel } from "./problem_kernel.ts";
import { LOOP_BUDGET, MAX_BLOCKS } from "../_plan.ts";
import wgsl from "./mlp.wgsl" with { type: "text" };

/** Rows of one chunk (`ML_R` in mlp.wgsl): two vec4s per unit. */
const MLP_CHUNK_ROWS = 8;

/**
 * The most workgroup memory the kernel's own arrays may take: a chunk's
 * activations (32 bytes per unit of every layer) and the head's k·8 floats.
 * WebGPU guarantees 16 KiB per workgroup; the rest is the drivers' (their
 * reductions, and on the fused path the run's state slots).
 */
const MLP_MAX_WORKGROUP_BYTES = 12 * 1024;

/** The kernel's workgroup bytes for layer widths `dims` (input first, outputs last). */
function mlpWorkgroupBytes(dims: readonly number[]): number {
  const units = dims.reduce((s, h) => s + h, 0);
  const k = dims[dims.length - 1]!;
  return 32 * units + 4 * MLP_CHUNK_ROWS * k + 4 * MLP_CHUNK_ROWS;
}

function dimsOf(net: Mlp): number[] {
  return [net.data.d, ...net.options.widths, net.outputs];
}

function why(net: Mlp): string | null {
  const dims = dimsOf(net);
  const bytes = mlpWorkgroupBytes(dims);
  if (bytes > MLP_MAX_WORKGROUP_BYTES) {
    return `The WebGPU mlp kernel keeps a chunk's activations in workgroup memory: widths ${dims.join("-")} need ` +
      `${bytes} bytes but at most ${MLP_MAX_WORKGROUP_BYTES} fit (about 380 units over all layers)`;
  }
  if (net.size >= 2 ** 24) return `The net has ${net.size} parameters, more than float32 indexes exactly`;
  // The multi-workgroup update adds every block's partial gradient per parameter (planBatch's bounds, at WG 256):
  // the planner halves the blocks until that fits, as long as a block's pass still does.
  const layout = mlpLayout(dims, net.size, net.options.loss === "cross-entropy" ? 0 : 1, net.options.bias, 256);
  // (+ the update rule's own passes, path-sgd's γ the costliest)
  const cols = Math.ceil(net.size / 256);
  const update = (b: number) => 2 * cols * (2 + b) + 64 + 2 * ((layout.helperLoops ?? 0) + 2 * cols);
  const partial = (b: number) => 32 + layout.blockLoops(Math.ceil(net.data.n / b));
  let blocks = Math.min(MAX_BLOCKS, Math.ceil(net.data.n / MLP_CHUNK_ROWS));
  while (update(blocks) > LOOP_BUDGET && blocks > 1 && partial(Math.ceil(blocks / 2)) <= LOOP_BUDGET) {
    blocks = Math.ceil(blocks / 2);
  }
  if (update(blocks) > LOOP_BUDGET || partial(blocks) > LOOP_BUDGET) {
    return `The net's ${net.size} parameters over ${net.data.n} rows exceed the WebGPU drivers' per-invocation ` +
      `loop budget (${LOOP_BUDGET}) however the rows are split into blocks`;
  }
  return null;
}

/**
 * The loop bounds and constants of mlp.wgsl for widths `dims` at workgroup
 * size `wg`: every loop of a block (its iterations, nested ones in full, +1
 * per entry), as the WGSL runs them, per chunk of {@link MLP_CHUNK_ROWS} rows.
 */
function mlpLayout(dims: readonly number[], params: number, loss: number, bias: boolean, wg: number): KernelLayout {
  const depth = dims.length - 1, d = dims[0]!, k = dims[depth]!;
  const col = (m: number) => Math.ceil(m / wg);
  let forward = depth + 1, backward = depth + 1;
  for (let l = 0; l < depth; l++) {
    const inn = dims[l]!, out = dims[l + 1]!;
    forward += col(out) * (inn + 1) + 1;
    backward += col(out * inn) + 1 + (bias ? col(out) + 1 : 0) + (l > 0 ? col(inn) * (out + 1) + 1 : 0);
  }
  const load = col(2 * d) + 1;
  const head = loss === 0 ? 3 * (k + 1) : 0;
  const chunks = (m: number) => Math.ceil(m / MLP_CHUNK_ROWS);
  const reduce = Math.log2(wg) + 1;
  // ml_path_gamma: input and δ_L inits, both layer loops, per layer the squared forward pass, γ of W and b, δ below.
  let helper = col(d) + 1 + col(k) + 1 + 2 * (depth + 1) + 4;
  for (let l = 0; l < depth; l++) {
    const inn = dims[l]!, out = dims[l + 1]!;
    helper += col(out) * (inn + 1) + 1 + col(out * inn) + 1 + (bias ? col(out) + 1 : 0) +
      (l > 0 ? col(inn) * (out + 1) + 1 : 0);
  }
  return {
    constants: {
      ML_D: d,
      ML_K: k,
      ML_DEPTH: depth,
      ML_VEC: 2 * dims.reduce((s, h) => s + h, 0),
      ML_KR: k * MLP_CHUNK_ROWS,
      ML_LOSS: loss,
      ML_BIAS: bias ? 1 : 0,
    },
    workgroupBytes: mlpWorkgroupBytes(dims),
    rowsPerChunk: MLP_CHUNK_ROWS,
    helperLoops: helper,
    blockLoops(m: number): number {
      const chunk = load + forward + head + col(k) + 1 + backward + 4;
      return 8 + col(params) + 1 + 1 + chunks(m) * chunk + reduce;
    },
    minMarginLoops(m: number): number {
      return 8 + 1 + chunks(m) * (load + forward + head + 4) + reduce;
    },
  };
}

/**
 * The WebGPU kernel of `mlp` (`mlp.wgsl`): per chunk of 8 rows a forward
 * pass with bias and ReLU fused (each thread computes a unit's 8 rows in two
 * vec4 registers per weight it reads), the head's ∂ℓ/∂f from the score gaps
 * (cross-entropy, as the CPU) or from y·f (logistic, exp), and a backward
 * pass adding ∂L/∂W as two vec4 dots per entry; activations in workgroup
 * memory, so nets up to about 380 units over all layers (inputs and outputs
 * included) run here, and `unsupported()` names the wider ones. Normalized GD
 * follows ∇L/L shifted by the smallest margin (as multiclass). Path-SGD's
 * rule calls `ml_path_gamma` (the squared network's two passes) from here.
 *
 * @example Usage
 * ```ts
 * import { mlpKernel } from "./mlp.ts";
 * import { mlp } from "../../problems/mlp/mlp.ts";
 * import assert from "node:assert/strict";
 *
 * const data = { n: 2, d: 2, x: new Float64Array([1, 0, 0, 1]), y: new Float64Array([0, 1]) };
 * const net = mlp(data, { widths: [3], activation: "relu", bias: true, loss: "cross-entropy", classes: 2, reduction: "mean" });
 * const bound = mlpKernel.bind(net);
 * assert.ok(typeof bound !== "string");
 * assert.equal(bound.params, 17);
 * // widths 2, 3, 2; where each layer's units start; W₁, W₂ and b₁, b₂ offsets
 * assert.deepEqual(Array.from(bound.data[2]!), [2, 3, 2, 0, 2, 5, 0, 9, 6, 15]);
 * ```
 */
export const mlpKernel: ProblemKernel = {
  kind: "mlp",
  wgsl,
  logGradient: true,
  unsupported(problem: Problem): string | null {
    if (problem.kind !== "mlp") return `The mlp kernel cannot run a ${problem.kind} problem`;
    return why(problem as Mlp);
  },
  bind(problem: Problem): BoundProblemKernel | string {
    if (problem.kind !== "mlp") return `The mlp kernel cannot run a ${problem.kind} problem`;
    const net = problem as Mlp;
    const reason = why(net);
    if (reason !== null) return reason;
    const dims = dimsOf(net);
    const { n, x, y } = net.data;
    const { loss, reduction, activation, bias } = net.options;
    const bases: number[] = [];
    let base = 0;
    for (const h of dims) {
      bases.push(base);
      base += h;
    }
    const table = [...dims, ...bases, ...net.layers.map((l) => l.w), ...net.layers.map((l) => Math.max(l.b, 0))];
    const lossCode = loss === "cross-entropy" ? 0 : loss === "logistic" ? 1 : 2;
    return {
      params: net.size,
      rows: n,
      mean: reduction === "mean",
      signature: `${loss}/${reduction}/${activation}/${bias}/${n}x${net.data.d}/${dims.join("-")}`,
      data: [Float32Array.from(x), Float32Array.from(y), Float32Array.from(table)],
      layout(wg: number): KernelLayout {
        const layout = mlpLayout(dims, net.size, lossCode, bias, wg);
        return { ...layout, constants: { ...layout.constants, ML_RELU: activation === "relu" ? 1 : 0 } };
      },
    };
  },
};
