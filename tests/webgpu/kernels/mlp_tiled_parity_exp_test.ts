import { gpuTest } from "../_with_gpu.ts";
import { assertMlpParity, MLP_RULES, mlpNet } from "./_mlp_checks.ts";
import { TILED_MLP_OPTIMIZERS } from "../../../src/webgpu/_mlp_route.ts";

// The tiled kernels on a small net (3 → 5 → 3 → outputs), every rule they run × bias, forced past the row kernel
// that `auto` would pick; one file per loss so that each stays short on llvmpipe. Measured max|Δθ|/max|θ| after
// 10³ steps ≤ 1.4·10⁻⁶ on llvmpipe; the bound is the 10⁻⁴.
const rules = MLP_RULES.filter((r) => TILED_MLP_OPTIMIZERS.includes((r as { kind: string }).kind));
for (const bias of [true, false]) {
  gpuTest(
    `tiled mlp kernels (exp, bias ${bias}) match the float64 engine after 1e3 steps of every tiled rule`,
    async (gpu) => {
      await assertMlpParity(gpu, mlpNet("exp", bias, [5, 3]), rules, 1_000, { mlpKernel: "tiled" });
    },
  );
}
