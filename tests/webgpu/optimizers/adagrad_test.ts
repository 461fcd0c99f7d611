import { gpuTest } from "../_with_gpu.ts";
import { assertParity, LOGISTIC, LSQ_WIDE, runsOf } from "./_optimizer_parity.ts";

gpuTest("adagradOptimizer matches the float64 engine after 1e4 steps, with its accumulator", async (gpu) => {
  await assertParity(gpu, runsOf(LOGISTIC, [{ kind: "adagrad", lr: 0.1 }, { kind: "adagrad", lr: 0.5 }], 10_000), [
    1_000,
    10_000,
  ]);
  await assertParity(gpu, runsOf(LSQ_WIDE, [{ kind: "adagrad", lr: 0.3, eps: 1e-6 }], 10_000), [10_000]);
});

gpuTest("adagradOptimizer matches the float64 engine on the multi-workgroup path", async (gpu) => {
  await assertParity(gpu, runsOf(LOGISTIC, [{ kind: "adagrad", lr: 0.1 }], 2_000), [2_000], { path: "multi" });
});
