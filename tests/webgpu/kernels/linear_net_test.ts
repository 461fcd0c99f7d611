import assert from "node:assert/strict";
import { compileRun } from "../../../src/run/compile_run.ts";
import { linearNetKernel } from "../../../src/webgpu/kernels/linear_net.ts";
import type { BoundProblemKernel } from "../../../src/webgpu/kernels/problem_kernel.ts";
import { linearNet } from "../../../src/problems/linear_net/linear_net.ts";
import { linearClassification } from "../../../src/problems/linear_classification/linear_classification.ts";
import { labeledData } from "../../../src/problems/shared/labeled_data.ts";
import { gpuTest } from "../_with_gpu.ts";
import { assertParity, runsOf } from "../optimizers/_optimizer_parity.ts";
import { assertLoopBounds, assertPointParity, OTHER_RULES } from "./_kernel_checks.ts";

// Depth 3 (hidden widths 4, 3) on separable data, and a depth-2 net with the
// exponential loss and the mean over 300 rows (5 blocks on the multi-workgroup path).
const NET = {
  kind: "linear-net",
  depth: 3,
  width: [4, 3],
  loss: "logistic",
  reduction: "sum",
  data: { kind: "separable", n: 40, d: 6, seed: 1 },
} as const;
const NET_MEAN = {
  kind: "linear-net",
  depth: 2,
  width: 5,
  loss: "exp",
  reduction: "mean",
  data: { kind: "separable", n: 300, d: 6, seed: 2 },
} as const;

Deno.test("linearNetKernel.bind() uploads z = y·x and the layer shapes, with widths in its signature", () => {
  const net = linearNet(labeledData([[1, 2], [3, 0.1]], [1, -1]), { widths: [3, 2], loss: "exp", reduction: "mean" });
  const bound = linearNetKernel.bind(net) as BoundProblemKernel;
  assert.deepEqual([bound.params, bound.rows, bound.mean], [3 * 2 + 2 * 3 + 2, 2, true]);
  assert.deepEqual(Array.from(bound.data[0]!), [1, 2, -3, Math.fround(-0.1)]);
  // dims 2, 3, 2, 1; offsets of W₁, W₂, W₃; where a₀ … a₃ start
  assert.deepEqual(Array.from(bound.data[1]!), [2, 3, 2, 1, 0, 6, 12, 0, 2, 5, 7]);
  assert.equal(bound.signature, "exp/mean/2x2/2-3-2-1");
  assert.deepEqual(bound.layout(32).constants, { D: 2, LANES: 1, LOSS: 1, DEPTH: 3, NET_A: 8, NET_V: 7 });
  assert.equal(linearNetKernel.logGradient, true);
});

Deno.test("linearNetKernel.bind() refuses other problem kinds", () => {
  const other = linearClassification(labeledData([[1]], [1]), { loss: "exp", reduction: "sum" });
  assert.match(linearNetKernel.bind(other) as string, /cannot run a linear-classification problem/);
});

Deno.test("linearNetKernel layouts count the predictor and the chain rule in their loop bounds", () => {
  const bind = (widths: number[]) =>
    linearNetKernel.bind(
      linearNet(labeledData([[1, 2, 3]], [1]), { widths, loss: "logistic", reduction: "sum" }),
    ) as BoundProblemKernel;
  const shallow = bind([]).layout(32), deep = bind([64, 64]).layout(32);
  assert.ok(deep.blockLoops(1) > shallow.blockLoops(1) + 2 * 64 * 2);
  assert.ok(deep.minMarginLoops(1) < deep.blockLoops(1));
});

gpuTest("linearNetKernel matches the float64 engine after 1e4 and 2e5 steps: gd, momentum, sgd, adam", async (gpu) => {
  const runs = runsOf(NET, [
    { kind: "gd", lr: 0.05 },
    { kind: "gd", lr: 0.005, momentum: 0.9, nesterov: true },
    { kind: "sgd", lr: 0.05, batch: 4, seed: 3, momentum: 0.5 },
    { kind: "adam", lr: 1e-3 },
  ], 200_000);
  await assertParity(gpu, runs, [10_000, 200_000]);
});

// Normalized GD on a depth-L net has ‖∇log L‖ ~ ‖W‖^{L−1}: the weights blow up
// in finite time (here after ~2.8·10⁴ steps, when the float64 loss reaches
// 10⁻³⁰⁸ and the CPU run stops), and the float64 run itself turns chaotic
// shortly before (w₀ changed by 10⁻⁷ moves β by 5·10⁻⁶ at 2.8·10⁴ steps, by
// 4·10⁻⁷ at 2.7·10⁴). 2·10⁵ steps would need a step size at which the run
// stays near its start; parity is checked up to 2.7·10⁴ steps instead, where
// L ≈ 10⁻⁶¹ is far below float32's range: ∇L/L is followed through the shift.
gpuTest(
  "linearNetKernel matches the float64 engine under normalized GD, past where float32 L underflows",
  async (gpu) => {
    const run = compileRun({
      problem: NET,
      optimizer: { kind: "normalized-gd", lr: 1e-4 },
      init: { kind: "gaussian", scale: 0.7, seed: 1 },
      steps: 27_000,
    });
    await assertParity(gpu, [run], [10_000, 27_000]);
  },
);

gpuTest("linearNetKernel matches the float64 engine on the multi-workgroup path", async (gpu) => {
  const runs = runsOf(NET_MEAN, [
    { kind: "gd", lr: 0.5 },
    { kind: "gd", lr: 0.05, momentum: 0.9, nesterov: true },
    { kind: "normalized-gd", lr: 1e-3 },
    { kind: "sgd", lr: 0.2, batch: 16, seed: 3, momentum: 0.5 },
    { kind: "adam", lr: 3e-3 },
  ], 10_000);
  await assertParity(gpu, runs, [10_000], { path: "multi" });
});

// RMSProp with eps ≪ |∇L| turns W₁'s near-zero gradient entries (directions
// that hardly move β) into steps of size ~lr: its float64 run moves W₁ by
// 5·10⁻⁴ when w₀ changes by 10⁻⁷ (eps = 10⁻⁸), and the float32 run's W₁ is
// 3·10⁻⁴ away even with eps = 10⁻³ (β within 10⁻⁷). With eps = 0.1 both are 10⁻⁸.
gpuTest("linearNetKernel runs every other update rule as the float64 engine does", async (gpu) => {
  const runs = runsOf(NET, OTHER_RULES, 2_000);
  await assertParity(gpu, runs, [2_000]);
});

gpuTest("linearNetKernel evaluates loss and gradient like the CPU engine, on both paths", async (gpu) => {
  const init = { kind: "gaussian", scale: 1, seed: 4 };
  await assertPointParity(gpu, NET, init);
  await assertPointParity(gpu, { ...NET_MEAN, data: { ...NET_MEAN.data, n: 40 } }, init);
  await assertPointParity(gpu, { ...NET, depth: 1, width: undefined, loss: "exp" }, init);
});

gpuTest("linearNetKernel's loop bounds hold at llvmpipe's cap", async (gpu) => {
  const problem = { ...NET, depth: 5, width: [7, 5, 3, 2], data: { kind: "separable", n: 100, d: 6, seed: 1 } };
  const runs = runsOf(problem, [{ kind: "gd", lr: 0.01 }], 1_000);
  runs.push(...runsOf(problem, [{ kind: "normalized-gd", lr: 1e-4 }], 1_000));
  await assertLoopBounds(gpu, linearNetKernel, runs, 1_000);
});
