import assert from "node:assert/strict";
import { compileRun } from "../../../src/run/compile_run.ts";
import { linearConvNetKernel } from "../../../src/webgpu/kernels/linear_conv_net.ts";
import type { BoundProblemKernel } from "../../../src/webgpu/kernels/problem_kernel.ts";
import { linearConvNet } from "../../../src/problems/linear_conv_net/linear_conv_net.ts";
import { linearNet } from "../../../src/problems/linear_net/linear_net.ts";
import { labeledData } from "../../../src/problems/shared/labeled_data.ts";
import { gpuTest } from "../_with_gpu.ts";
import { assertParity, runsOf } from "../optimizers/_optimizer_parity.ts";
import { assertLoopBounds, assertPointParity, OTHER_RULES } from "./_kernel_checks.ts";

// Three filters of width 8 on separable data, and two with the exponential
// loss and the mean over 300 rows (10 blocks on the multi-workgroup path).
const CONV = {
  kind: "linear-conv-net",
  depth: 3,
  loss: "logistic",
  reduction: "sum",
  data: { kind: "separable", n: 20, d: 8, seed: 1 },
} as const;
const CONV_MEAN = {
  kind: "linear-conv-net",
  depth: 2,
  loss: "exp",
  reduction: "mean",
  data: { kind: "separable", n: 300, d: 8, seed: 2 },
} as const;

Deno.test("linearConvNetKernel.bind() uploads z = y·x, with depth and loss in its layout and signature", () => {
  const net = linearConvNet(labeledData([[1, 2, 3], [3, 0.1, 0]], [1, -1]), {
    depth: 2,
    loss: "logistic",
    reduction: "mean",
  });
  const bound = linearConvNetKernel.bind(net) as BoundProblemKernel;
  assert.deepEqual([bound.params, bound.rows, bound.mean], [6, 2, true]);
  assert.deepEqual(Array.from(bound.data[0]!), [1, 2, 3, -3, Math.fround(-0.1), -0]);
  assert.equal(bound.signature, "logistic/mean/2x3/2");
  assert.deepEqual(bound.layout(32).constants, {
    D: 3,
    LANES: 1,
    LOSS: 0,
    DEPTH: 2,
    CV_SUF: 9,
    CV_SCALE: 3 ** -0.5,
  });
  assert.equal(linearConvNetKernel.logGradient, true);
});

Deno.test("linearConvNetKernel.bind() refuses other problem kinds", () => {
  const other = linearNet(labeledData([[1]], [1]), { widths: [], loss: "exp", reduction: "sum" });
  assert.match(linearConvNetKernel.bind(other) as string, /cannot run a linear-net problem/);
});

gpuTest(
  "linearConvNetKernel matches the float64 engine after 1e4 and 2e5 steps: gd, momentum, sgd, adam",
  async (gpu) => {
    const runs = runsOf(CONV, [
      { kind: "gd", lr: 0.05 },
      { kind: "gd", lr: 0.005, momentum: 0.9, nesterov: true },
      { kind: "sgd", lr: 0.05, batch: 4, seed: 3, momentum: 0.5 },
      { kind: "adam", lr: 1e-3 },
    ], 200_000);
    await assertParity(gpu, runs, [10_000, 200_000]);
  },
);

// As for linear-net: normalized GD on a depth-L net blows up in finite time
// (here after ~2.9·10⁴ steps, where the float64 loss reaches 10⁻³⁰⁸ and the CPU
// run stops), and the float64 run turns chaotic before (w₀ changed by 10⁻⁷
// moves β by 5·10⁻⁵ at 2.8·10⁴ steps, by 3·10⁻⁷ at 2.7·10⁴). Parity is checked
// up to 2.7·10⁴ steps, where L ≈ 10⁻⁴³ is below float32's range.
gpuTest(
  "linearConvNetKernel matches the float64 engine under normalized GD, past where float32 L underflows",
  async (gpu) => {
    const run = compileRun({
      problem: CONV,
      optimizer: { kind: "normalized-gd", lr: 3e-4 },
      init: { kind: "gaussian", scale: 0.7, seed: 1 },
      steps: 27_000,
    });
    await assertParity(gpu, [run], [10_000, 27_000]);
  },
);

gpuTest("linearConvNetKernel matches the float64 engine on the multi-workgroup path", async (gpu) => {
  const runs = runsOf(CONV_MEAN, [
    { kind: "gd", lr: 0.5 },
    { kind: "gd", lr: 0.05, momentum: 0.9, nesterov: true },
    { kind: "normalized-gd", lr: 1e-3 },
    { kind: "sgd", lr: 0.2, batch: 16, seed: 3, momentum: 0.5 },
    { kind: "adam", lr: 3e-3 },
  ], 10_000);
  await assertParity(gpu, runs, [10_000], { path: "multi" });
});

gpuTest("linearConvNetKernel runs every other update rule as the float64 engine does", async (gpu) => {
  const runs = runsOf(CONV, OTHER_RULES, 2_000);
  await assertParity(gpu, runs, [2_000]);
});

gpuTest("linearConvNetKernel evaluates loss and gradient like the CPU engine, on both paths", async (gpu) => {
  const init = { kind: "gaussian", scale: 0.5, seed: 4 };
  await assertPointParity(gpu, CONV, init);
  await assertPointParity(gpu, { ...CONV_MEAN, data: { ...CONV_MEAN.data, n: 40 } }, init);
  await assertPointParity(gpu, { ...CONV, depth: 1, loss: "exp" }, init);
});

gpuTest("linearConvNetKernel's loop bounds hold at llvmpipe's cap", async (gpu) => {
  const problem = { ...CONV, depth: 4, data: { kind: "separable", n: 100, d: 24, seed: 1 } };
  const runs = runsOf(problem, [{ kind: "gd", lr: 0.01 }], 1_000);
  runs.push(...runsOf(problem, [{ kind: "normalized-gd", lr: 1e-4 }], 1_000));
  await assertLoopBounds(gpu, linearConvNetKernel, runs, 1_000);
});
