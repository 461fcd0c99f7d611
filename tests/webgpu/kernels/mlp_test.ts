import assert from "node:assert/strict";
import { mlpKernel } from "../../../src/webgpu/kernels/mlp.ts";
import { gpuTest } from "../_with_gpu.ts";
import { assertPointParity } from "./_kernel_checks.ts";
import { mlpNet } from "./_mlp_checks.ts";

gpuTest("mlpKernel evaluates loss and gradient like the CPU engine, on both paths", async (gpu) => {
  const init = { kind: "pytorch", seed: 3 };
  for (const loss of ["cross-entropy", "logistic", "exp"] as const) {
    for (const bias of [true, false]) await assertPointParity(gpu, mlpNet(loss, bias, [5, 4]), init);
  }
  assert.ok(mlpKernel.logGradient);
});
