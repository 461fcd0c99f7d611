import assert from "node:assert/strict";
import { mlpKernel } from "../../../src/webgpu/kernels/mlp.ts";
import { gpuTest } from "../_with_gpu.ts";
import { assertPointParity } from "./_kernel_checks.ts";

/** 13 points in 3 features (two chunks of 8, the second padded), labels from a fixed rule. */
function points(binary: boolean) {
  const x = Array.from({ length: 13 }, (_, i) => [Math.cos(i * 0.9), Math.sin(i * 1.7), 0.5 * Math.cos(i * 2.3)]);
  const y = x.map(([a, b], i) => binary ? (a! + 0.3 * b! > 0 ? 1 : -1) : (i % 3));
  return { kind: "points", x, y } as const;
}

function net(loss: "cross-entropy" | "logistic" | "exp", bias: boolean, widths = [5]) {
  return {
    kind: "mlp",
    widths,
    activation: "relu",
    bias,
    loss,
    reduction: "mean",
    data: points(loss !== "cross-entropy"),
  } as const;
}

gpuTest("mlpKernel evaluates loss and gradient like the CPU engine, on both paths", async (gpu) => {
  const init = { kind: "pytorch", seed: 3 };
  for (const loss of ["cross-entropy", "logistic", "exp"] as const) {
    for (const bias of [true, false]) await assertPointParity(gpu, net(loss, bias, [5, 4]), init);
  }
  assert.ok(mlpKernel.logGradient);
});
