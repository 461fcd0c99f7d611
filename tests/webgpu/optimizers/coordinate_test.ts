import assert from "node:assert/strict";
import { compileRun } from "../../../src/run/compile_run.ts";
import { createCpuEngine } from "../../../src/cpu/cpu_engine.ts";
import { presetSpec } from "../../../src/presets/presets.ts";
import { createWebGpuEngines } from "../../../src/webgpu/create_webgpu_engines.ts";
import { gpuTest } from "../_with_gpu.ts";
import { parityError } from "../_parity.ts";
import { assertParity, LOGISTIC, LSQ, LSQ_WIDE, runsOf } from "./_optimizer_parity.ts";
import { assertDecisionParity } from "./_decisions.ts";

gpuTest("coordinateOptimizer (cyclic) matches the float64 engine after 1e4 steps", async (gpu) => {
  const cyclic = (lr: number) => ({ kind: "coordinate", rule: "cyclic", lr });
  await assertParity(gpu, runsOf(LOGISTIC, [cyclic(0.01), cyclic(0.1)], 10_000), [10_000]);
  await assertParity(gpu, runsOf(LSQ_WIDE, [cyclic(0.1)], 10_000), [10_000]);
});

// The cursor is the run's aux word on the GPU: 5 steps per dispatch and
// advances of 7 steps over 6 coordinates end every dispatch and readback
// mid-cycle.
gpuTest("coordinateOptimizer keeps the cyclic cursor across dispatches and advances", async (gpu) => {
  const [run] = runsOf(LOGISTIC, [{ kind: "coordinate", rule: "cyclic", lr: 0.1 }], 700);
  const [engine] = await createWebGpuEngines([run!], { gpu, stepsPerDispatch: 5 });
  const cpu = createCpuEngine(run!);
  for (let t = 0; t < 700; t += 7) {
    await Promise.all([engine!.advance(7), cpu.advance(7)]);
    if (t % 140 !== 0) continue;
    const e = parityError((await engine!.read()).predictor.data, (await cpu.read()).predictor.data);
    assert.ok(e.cosGap <= 1e-12 && e.normError <= 1e-6, `at ${t + 7}: ${JSON.stringify(e)}`);
  }
  engine!.dispose();
});

gpuTest("coordinateOptimizer (greedy) takes steepest descent's ℓ1 steps, bit for bit", async (gpu) => {
  const runs = runsOf(LOGISTIC, [{ kind: "coordinate", rule: "greedy", lr: 0.1 }, {
    kind: "steepest",
    norm: "l1",
    lr: 0.1,
  }], 3_000);
  const engines = await createWebGpuEngines(runs, { gpu });
  await Promise.all(engines.map((e) => e.advance(3_000)));
  const [a, b] = await Promise.all(engines.map((e) => e.read()));
  assert.deepEqual(Array.from(a!.predictor.data), Array.from(b!.predictor.data));
  for (const e of engines) e.dispose();
});

gpuTest(
  "coordinateOptimizer (greedy) takes the float64 run's steps up to its first near-tie, and a few steps from it after",
  async (gpu) => {
    const spec = presetSpec("gunasekar-steepest-l1");
    const lr = (spec.optimizer as { lr: number }).lr;
    const run = compileRun({ ...spec, optimizer: { kind: "coordinate", rule: "greedy", lr }, steps: 10_000 });
    const trace = await assertDecisionParity(gpu, run, "greedy", 10_000);
    assert.ok(trace.firstNearTie !== null);
  },
);

gpuTest("coordinateOptimizer matches the float64 engine on the multi-workgroup path", async (gpu) => {
  const runs = runsOf(LSQ, [{ kind: "coordinate", rule: "cyclic", lr: 0.01 }], 2_000);
  await assertParity(gpu, runs, [2_000], { path: "multi" });
});

for (const path of ["fused", "multi"] as const) {
  gpuTest(
    `coordinateOptimizer stops a diverging run at its last finite point, as the CPU's guard does (${path})`,
    async (gpu) => {
      const [run] = runsOf(LSQ, [{ kind: "coordinate", rule: "cyclic", lr: 0.5 }], 1_000);
      const [engine] = await createWebGpuEngines([run!], { gpu, path });
      await engine!.advance(1_000);
      const at = engine!.diverged?.step;
      assert.ok(at !== undefined && at % 8 !== 0, `diverged at ${at}, mid-cycle`);
      const cpu = createCpuEngine(run!);
      await cpu.advance(at);
      const e = parityError((await engine!.read()).predictor.data, (await cpu.read()).predictor.data);
      assert.ok(e.cosGap <= 1e-8 && e.normError <= 1e-5, JSON.stringify(e));
      await cpu.advance(1);
      assert.ok((await cpu.read()).loss > 3.4e38, "the step refused is one float32 cannot hold");
      engine!.dispose();
    },
  );
}
