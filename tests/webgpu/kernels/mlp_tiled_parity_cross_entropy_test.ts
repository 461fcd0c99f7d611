import { gpuTest } from "../_with_gpu.ts";
import { assertMlpParity, MLP_RULES, mlpNet } from "./_mlp_checks.ts";
import { TILED_MLP_OPTIMIZERS } from "../../../src/webgpu/_mlp_route.ts";

// The tiled kernels on the row kernel's test net (3 → 4 → outputs), every rule they run × bias, forced past the row
// kernel that `auto` would pick; one file per loss so that each stays short on llvmpipe. The bound is the issue's
// 10⁻⁴. Not on 3 → 5 → 3: there Adam (logistic, biases) meets a ReLU kink near step 450 that float32 and float64
// cross on different steps, and normalizing the tiny gradient that follows turns it into a step of ~lr (measured
// 10⁻² on coordinate W₂[1, 3] from then on, on the tiled kernels; the row kernel happens to cross with float64).
// Two hidden layers are covered for sgd and path-sgd in mlp_tiled_test.ts.
const rules = MLP_RULES.filter((r) => TILED_MLP_OPTIMIZERS.includes((r as { kind: string }).kind));
for (const bias of [true, false]) {
  gpuTest(
    `tiled mlp kernels (cross-entropy, bias ${bias}) match the float64 engine after 1e3 steps of every tiled rule`,
    async (gpu) => {
      await assertMlpParity(gpu, mlpNet("cross-entropy", bias), rules, 1_000, { mlpKernel: "tiled" });
    },
  );
}
