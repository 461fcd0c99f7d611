import assert from "node:assert/strict";
import { mlpKernel } from "../../../src/webgpu/kernels/mlp.ts";
import { gpuTest } from "../_with_gpu.ts";
import { assertLoopBounds, assertPointParity } from "./_kernel_checks.ts";
import { assertMlpParity, maxRelative, mlpNet, points } from "./_mlp_checks.ts";
import { compileRun } from "../../../src/run/compile_run.ts";
import { createWebGpuEngines } from "../../../src/webgpu/create_webgpu_engines.ts";
import type { Mlp } from "../../../src/problems/mlp/mlp.ts";
import { createEngines } from "../../../src/backend/create_engines.ts";
import { gpuAdapterKind } from "../../../src/webgpu/device.ts";
import { webGpuUnsupported } from "../../../src/webgpu/webgpu_unsupported.ts";
import { GPU_OPTIMIZERS } from "../../../src/webgpu/optimizers/gpu_optimizers.ts";
import { planBatch } from "../../../src/webgpu/_plan.ts";

/** The net's scores on its training points (the function it computes), as a flat array. */
function scores(net: Mlp, theta: Float64Array): number[] {
  const out: number[] = [];
  const { n, d, x } = net.data;
  for (let r = 0; r < n; r++) {
    let a = Array.from(x.subarray(r * d, (r + 1) * d));
    net.layers.forEach((layer, l) => {
      const z = Array.from({ length: layer.out }, (_, i) => {
        let s = layer.b >= 0 ? theta[layer.b + i]! : 0;
        for (let j = 0; j < layer.in; j++) s += theta[layer.w + i * layer.in + j]! * a[j]!;
        return l < net.layers.length - 1 ? Math.max(s, 0) : s;
      });
      a = z;
    });
    out.push(...a);
  }
  return out;
}

gpuTest("mlpKernel evaluates loss and gradient like the CPU engine, on both paths", async (gpu) => {
  const init = { kind: "pytorch", seed: 3 };
  // Each loss once, with and without biases, ReLU and linear, mean and sum (the parity tests run every loss × bias).
  const cases = [
    ["cross-entropy", true, "relu", "mean"],
    ["logistic", false, "relu", "sum"],
    ["exp", true, "linear", "mean"],
  ] as const;
  for (const [loss, bias, activation, reduction] of cases) {
    await assertPointParity(gpu, { ...mlpNet(loss, bias, [3, 2], activation), reduction }, init);
  }
  assert.ok(mlpKernel.logGradient);
});

gpuTest(
  "mlpKernel matches the float64 engine on the multi-workgroup path (two hidden layers, 40 rows in blocks)",
  async (gpu) => {
    const problem = { ...mlpNet("cross-entropy", true, [3, 2]), data: points(40, false) };
    const worst = await assertMlpParity(
      gpu,
      problem,
      [
        { kind: "gd", lr: 0.2 },
        { kind: "normalized-gd", lr: 0.01 },
        { kind: "sgd", lr: 0.1, batch: 6, seed: 3, momentum: 0.5 },
        { kind: "path-sgd", lr: 0.05, batch: 40, seed: 1 },
      ],
      300,
      { path: "multi" },
    );
    assert.ok(worst <= 1e-4);
  },
);

gpuTest("Path-SGD on WebGPU is invariant to node rescaling; SGD is not", async (gpu) => {
  // The unbalanced init is the balanced one with every hidden unit rescaled (same function).
  const problem = mlpNet("cross-entropy", true, [3, 2]);
  const outputs = async (optimizer: unknown, init: unknown) => {
    const run = compileRun({ problem, optimizer, init, steps: 50 });
    const [engine] = await createWebGpuEngines([run], { gpu });
    try {
      await engine!.advance(50);
      return scores(run.problem as Mlp, (await engine!.read()).predictor.data);
    } finally {
      engine!.dispose();
    }
  };
  const balanced = { kind: "balanced", seed: 5 }, unbalanced = { kind: "unbalanced", seed: 5, spread: 10 };
  const path = { kind: "path-sgd", lr: 0.05, batch: 4, seed: 1 };
  const a = await outputs(path, balanced), b = await outputs(path, unbalanced);
  const gap = maxRelative(b, a);
  assert.ok(gap <= 1e-4, `Path-SGD: the two functions differ by ${gap.toExponential(2)} (relative)`);
  const sgd = { kind: "sgd", lr: 0.05, batch: 4, seed: 1 };
  const c = await outputs(sgd, balanced), e = await outputs(sgd, unbalanced);
  assert.ok(maxRelative(e, c) > 1e-2, `SGD: the two functions differ by only ${maxRelative(e, c)}`);
});

gpuTest("mlpKernel's loop bounds hold at llvmpipe's cap", async (gpu) => {
  const problem = mlpNet("cross-entropy", true, [3, 2]);
  const runs = [
    compileRun({ problem, optimizer: { kind: "gd", lr: 0.1 }, init: { kind: "pytorch", seed: 1 }, steps: 1_500 }),
    compileRun({
      problem,
      optimizer: { kind: "normalized-gd", lr: 0.01 },
      init: { kind: "pytorch", seed: 1 },
      steps: 400,
    }),
  ];
  await assertLoopBounds(gpu, mlpKernel, runs, 1_500);
});

gpuTest("backend webgpu runs an mlp on the WebGPU engine; auto keeps it on the CPU on a software adapter", async () => {
  const spec = (backend: string) => ({
    problem: mlpNet("cross-entropy", true, [3, 2]),
    optimizer: { kind: "gd", lr: 0.1, momentum: 0.5 },
    steps: 5,
    backend,
  });
  const [gpuEngine] = await createEngines([compileRun(spec("webgpu"))], { warn() {} });
  const [autoEngine] = await createEngines([compileRun(spec("auto"))]);
  try {
    assert.equal(gpuEngine!.backend, "webgpu");
    await gpuEngine!.advance(5);
    assert.equal(gpuEngine!.step, 5);
    const hardware = (await gpuAdapterKind()).kind === "hardware";
    assert.equal(autoEngine!.backend, hardware ? "webgpu" : "cpu");
  } finally {
    gpuEngine!.dispose();
    autoEngine!.dispose();
  }
});

Deno.test("mlpKernel binds the CPU problem's layout and names the nets it cannot run", () => {
  const run = compileRun({ problem: mlpNet("logistic", false, [3, 2]), steps: 1 });
  const bound = mlpKernel.bind(run.problem);
  assert.ok(typeof bound !== "string");
  // widths 3-3-2-1; unit offsets 0, 3, 6, 8; W offsets 0, 9, 15; no biases (0 placeholders).
  assert.deepEqual(Array.from(bound.data[2]!), [3, 3, 2, 1, 0, 3, 6, 8, 0, 9, 15, 0, 0, 0]);
  assert.equal(bound.params, 17);
  const layout = bound.layout(32);
  assert.deepEqual(layout.constants, {
    ML_D: 3,
    ML_K: 1,
    ML_DEPTH: 3,
    ML_VEC: 18,
    ML_KR: 8,
    ML_LOSS: 1,
    ML_BIAS: 0,
    ML_RELU: 1,
  });
  assert.ok(layout.blockLoops(16) > layout.blockLoops(8) && layout.blockLoops(8) === layout.blockLoops(1));
  assert.ok((layout.helperLoops ?? 0) > 0);
  const wide = compileRun({ problem: mlpNet("cross-entropy", true, [400]), steps: 1 });
  assert.match(mlpKernel.unsupported!(wide.problem)!, /widths 3-400-3 need 13120 bytes but at most 12288 fit/);
  // Too wide for the row kernel: gd runs on the tiled kernels (mlp_tiled_test.ts), normalized gd nowhere on WebGPU.
  assert.equal(webGpuUnsupported(wide), null);
  const wideNormalized = compileRun({
    problem: mlpNet("cross-entropy", true, [400]),
    optimizer: { kind: "normalized-gd", lr: 0.1 },
    steps: 1,
  });
  assert.match(webGpuUnsupported(wideNormalized)!, /workgroup memory.*not normalized-gd/);
  // 7,683 parameters over 9,000 rows: the planner's 1,024 blocks would exceed the update's loop budget; 512 do not.
  const many = compileRun({
    problem: { ...mlpNet("cross-entropy", true, [100, 70]), data: points(9000, false) },
    steps: 1,
  });
  assert.equal(mlpKernel.unsupported!(many.problem), null);
  const bound9000 = mlpKernel.bind(many.problem);
  assert.ok(typeof bound9000 !== "string");
  const plan = planBatch({
    bound: bound9000,
    rowsPerStep: 9000,
    minMarginPass: false,
    maxWorkgroupBytes: 16384,
    maxBindingBytes: 2 ** 27,
    runs: 1,
  });
  assert.deepEqual([plan.path, plan.blocks], ["multi", 512]);
});

Deno.test("webGpuUnsupported refuses an update rule on a problem kind it does not serve (path-sgd: mlp only)", () => {
  const run = compileRun({
    problem: { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } },
    steps: 1,
  });
  const onlyMlp = { ...GPU_OPTIMIZERS.gd!, problems: ["mlp"] };
  assert.match(
    webGpuUnsupported(run, undefined, { ...GPU_OPTIMIZERS, gd: onlyMlp })!,
    /runs optimizer gd only on mlp/,
  );
  assert.deepEqual(GPU_OPTIMIZERS["path-sgd"]!.problems, ["mlp"]);
});
