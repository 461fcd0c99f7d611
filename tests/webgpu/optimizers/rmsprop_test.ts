import { gpuTest } from "../_with_gpu.ts";
import { assertParity, LOGISTIC, LSQ, runsOf } from "./_optimizer_parity.ts";

const VARIANTS = [
  { kind: "rmsprop", lr: 1e-3 },
  { kind: "rmsprop", lr: 1e-3, momentum: 0.9 },
  { kind: "rmsprop", lr: 1e-3, centered: true },
  { kind: "rmsprop", lr: 1e-3, centered: true, momentum: 0.5, alpha: 0.9 },
] as const;

// Early on (10³–5·10³ steps here) RMSProp's float64 run is itself sensitive:
// w₀ changed by 10⁻⁷ moves w by up to 10⁻⁴ at 10³ steps, so parity is
// checked where that has settled (and at 2·10⁵ steps in bench/webgpu_parity.ts).
gpuTest(
  "rmspropOptimizer matches the float64 engine after 1e4 steps, plain, centered and with momentum",
  async (gpu) => {
    await assertParity(gpu, runsOf(LOGISTIC, VARIANTS, 10_000), [10_000]);
  },
);

// With eps ≪ |∇L| RMSProp's steps stay of size lr where least squares has
// converged, and float64 itself is chaotic there (w₀ changed by 10⁻⁷ moves w
// by 10⁻³): no float32 engine can follow it. With eps well above the float32
// noise of ∇L at the minimum it converges, and parity holds.
gpuTest("rmspropOptimizer matches the float64 engine on least squares where the float64 run is stable", async (gpu) => {
  const runs = runsOf(LSQ, VARIANTS.map((o) => ({ ...o, eps: 0.1 })), 10_000);
  await assertParity(gpu, runs, [100, 10_000], { stateAt: [100] });
});

gpuTest("rmspropOptimizer matches the float64 engine on the multi-workgroup path", async (gpu) => {
  const runs = runsOf(LOGISTIC, [{ kind: "rmsprop", lr: 0.01, momentum: 0.9 }, { ...VARIANTS[2], lr: 0.01 }], 2_000);
  await assertParity(gpu, runs, [2_000], { path: "multi" });
});
