import assert from "node:assert/strict";
import { createCpuEngine } from "../../../src/cpu/cpu_engine.ts";
import { createWebGpuEngines } from "../../../src/webgpu/create_webgpu_engines.ts";
import { gpuTest } from "../_with_gpu.ts";
import { assertParity, LOGISTIC, LSQ, runsOf } from "./_optimizer_parity.ts";

const VARIANTS = [
  { kind: "adam", lr: 1e-3 },
  { kind: "adam", lr: 1e-2, beta1: 0, beta2: 0.99, eps: 1e-6 },
] as const;

// 2·10⁵ steps cross llvmpipe's 65,535 loop-iteration cap dozens of times;
// the moments and the bias corrections (from the step counter) carry over
// between dispatches.
gpuTest("adamOptimizer matches the float64 engine after 1e4 and 2e5 steps, with its moments and step", async (gpu) => {
  await assertParity(gpu, runsOf(LOGISTIC, VARIANTS, 200_000), [10_000, 200_000], { stateAt: [10_000, 200_000] });
});

// As RMSProp: with eps ≪ |∇L| float64 Adam is chaotic once least squares has
// converged (steps of size lr driven by ∇L's rounding); with eps above the
// float32 noise of ∇L it converges, and parity holds.
gpuTest("adamOptimizer matches the float64 engine on least squares where the float64 run is stable", async (gpu) => {
  await assertParity(gpu, runsOf(LSQ, [{ kind: "adam", lr: 1e-3, eps: 0.1 }], 10_000), [100, 10_000], {
    stateAt: [100],
  });
});

gpuTest("adamOptimizer matches the float64 engine on the multi-workgroup path", async (gpu) => {
  await assertParity(gpu, runsOf(LOGISTIC, [{ kind: "adam", lr: 1e-2 }], 2_000), [2_000], { path: "multi" });
});

// Adam squares the gradient: above 1.8·10¹⁹ that overflows float32 (float64
// goes on to 10¹⁵⁴), and v = ∞ would silently stop the coordinate. The run
// ends as diverged instead, at the step whose gradient it could not take.
gpuTest("adamOptimizer ends a run whose gradient float32 cannot square as diverged", async (gpu) => {
  const [run] = runsOf(LSQ, [{ kind: "adam", lr: 1e25 }], 10);
  const [engine] = await createWebGpuEngines([run!], { gpu });
  await engine!.advance(10);
  const cpu = createCpuEngine(run!);
  await cpu.advance(1);
  assert.equal(engine!.diverged?.step, 1);
  assert.equal(cpu.diverged, null);
  assert.ok((await cpu.read()).gradNorm > 1.9e19);
  const state = await engine!.read();
  assert.equal(state.step, 1);
  assert.deepEqual(state.params.step!.data, Float64Array.of(1));
  engine!.dispose();
});
