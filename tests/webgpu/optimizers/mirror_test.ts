import assert from "node:assert/strict";
import { createCpuEngine } from "../../../src/cpu/cpu_engine.ts";
import { createWebGpuEngines } from "../../../src/webgpu/create_webgpu_engines.ts";
import { gpuTest } from "../_with_gpu.ts";
import { parityError } from "../_parity.ts";
import { assertParity, LOGISTIC, LSQ, LSQ_WIDE, runsOf } from "./_optimizer_parity.ts";

// The dual point θ lives on the GPU (compensated) from ∇ψ(w₀) on; 2·10⁵ steps
// cross llvmpipe's loop cap dozens of times.
gpuTest("mirrorOptimizer matches the float64 engine after 1e4 and 2e5 steps, with its dual point", async (gpu) => {
  const mirror = (p: number, lr: number) => ({ kind: "mirror", p, lr });
  await assertParity(gpu, runsOf(LOGISTIC, [mirror(1.5, 0.01), mirror(3, 0.01)], 200_000), [10_000, 200_000], {
    stateAt: [10_000, 200_000],
  });
  await assertParity(gpu, runsOf(LSQ_WIDE, [mirror(1.5, 0.03)], 10_000), [10_000]);
});

gpuTest("mirrorOptimizer with p = 2 takes gd's steps, bit for bit", async (gpu) => {
  const runs = runsOf(LOGISTIC, [{ kind: "mirror", p: 2, lr: 0.1 }, { kind: "gd", lr: 0.1 }], 3_000);
  const engines = await createWebGpuEngines(runs, { gpu });
  await Promise.all(engines.map((e) => e.advance(3_000)));
  const [a, b] = await Promise.all(engines.map((e) => e.read()));
  assert.deepEqual(Array.from(a!.predictor.data), Array.from(b!.predictor.data));
  for (const e of engines) e.dispose();
});

gpuTest("mirrorOptimizer matches the float64 engine on the multi-workgroup path", async (gpu) => {
  await assertParity(gpu, runsOf(LSQ, [{ kind: "mirror", p: 1.5, lr: 0.01 }], 2_000), [2_000], { path: "multi" });
});

for (const path of ["fused", "multi"] as const) {
  gpuTest(
    `mirrorOptimizer stops a diverging run at its last finite point and dual, as the CPU's guard does (${path})`,
    async (gpu) => {
      const [run] = runsOf(LSQ, [{ kind: "mirror", p: 1.5, lr: 0.1 }], 1_000);
      const [engine] = await createWebGpuEngines([run!], { gpu, path });
      await engine!.advance(1_000);
      const at = engine!.diverged?.step;
      assert.ok(at !== undefined && at > 5, `diverged at ${at}`);
      const cpu = createCpuEngine(run!);
      await cpu.advance(at);
      const [got, want] = [await engine!.read(), await cpu.read()];
      const e = parityError(got.predictor.data, want.predictor.data);
      assert.ok(e.cosGap <= 1e-8 && e.normError <= 1e-5, JSON.stringify(e));
      const dual = parityError(got.params.dual!.data, want.params.dual!.data);
      assert.ok(dual.cosGap <= 1e-8 && dual.normError <= 1e-5, `dual: ${JSON.stringify(dual)}`);
      await cpu.advance(1);
      assert.ok((await cpu.read()).loss > 3.4e38, "the step refused is one float32 cannot hold");
      engine!.dispose();
    },
  );
}
