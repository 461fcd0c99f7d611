import { gpuTest } from "../_with_gpu.ts";
import { assertMlpParity, MLP_RULES, mlpNet } from "./_mlp_checks.ts";

// One file per loss, so that each stays short on llvmpipe (compiling a pipeline per rule dominates).
for (const bias of [true, false]) {
  gpuTest(
    `mlpKernel (logistic, bias ${bias}) matches the float64 engine after 1e3 steps of every rule`,
    async (gpu) => {
      await assertMlpParity(gpu, mlpNet("logistic", bias), MLP_RULES, 1_000);
    },
  );
}
