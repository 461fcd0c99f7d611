import { gpuTest } from "../_with_gpu.ts";
import { assertParity, LOGISTIC, runsOf } from "./_optimizer_parity.ts";

gpuTest("momentumOptimizer reads back gd's and sgd's momentum buffers as the float64 engine has them", async (gpu) => {
  const runs = runsOf(LOGISTIC, [
    { kind: "gd", lr: 0.1, momentum: 0.9 },
    { kind: "gd", lr: 0.1, momentum: 0.9, nesterov: true },
    { kind: "gd", lr: 0.1 },
  ], 2_000);
  await assertParity(gpu, runs, [2_000]);
  await assertParity(gpu, runsOf(LOGISTIC, [{ kind: "sgd", lr: 0.1, batch: 4, seed: 1, momentum: 0.5 }], 2_000), [
    2_000,
  ]);
});
