import assert from "node:assert/strict";
import { compileRun } from "../../../src/run/compile_run.ts";
import { createCpuEngine } from "../../../src/cpu/cpu_engine.ts";
import { presetSpec } from "../../../src/presets/presets.ts";
import { createWebGpuEngines } from "../../../src/webgpu/create_webgpu_engines.ts";
import { gpuTest } from "../_with_gpu.ts";
import { parityError } from "../_parity.ts";
import { assertParity, LOGISTIC, LSQ, runsOf } from "./_optimizer_parity.ts";
import { assertDecisionParity } from "./_decisions.ts";

gpuTest("steepestOptimizer matches the float64 engine after 1e4 steps for general p", async (gpu) => {
  const norms = [3, 1.5, 4 / 3];
  await assertParity(gpu, runsOf(LOGISTIC, norms.map((norm) => ({ kind: "steepest", norm, lr: 0.01 })), 10_000), [
    10_000,
  ]);
  await assertParity(gpu, runsOf(LSQ, norms.map((norm) => ({ kind: "steepest", norm, lr: 0.01 })), 10_000), [10_000]);
});

gpuTest("steepestOptimizer with the l2 norm takes gd's steps, bit for bit", async (gpu) => {
  const runs = runsOf(LOGISTIC, [{ kind: "steepest", norm: "l2", lr: 0.1 }, { kind: "gd", lr: 0.1 }], 3_000);
  const engines = await createWebGpuEngines(runs, { gpu });
  await Promise.all(engines.map((e) => e.advance(3_000)));
  const [a, b] = await Promise.all(engines.map((e) => e.read()));
  assert.deepEqual(Array.from(a!.predictor.data), Array.from(b!.predictor.data));
  for (const e of engines) e.dispose();
});

// Sign (ℓ∞) and greedy (ℓ1) steps are discontinuous in ∇L: see _decisions.ts
// for the tolerance that holds and why. On the ℓ1/ℓ∞ presets' data (n < d,
// exponential loss), the first near-ties come at steps 11 (sign) and 268
// (greedy).
for (const norm of ["linf", "l1"] as const) {
  gpuTest(
    `steepestOptimizer (${norm}) takes the float64 run's steps up to its first near-tie, and a few steps from it after`,
    async (gpu) => {
      const run = compileRun({ ...presetSpec(`gunasekar-steepest-${norm}`), steps: 10_000 });
      const trace = await assertDecisionParity(gpu, run, norm === "linf" ? "sign" : "greedy", 10_000);
      assert.ok(trace.firstNearTie !== null && trace.firstNearTie < 1_000);
    },
  );
}

gpuTest("steepestOptimizer matches the float64 engine on the multi-workgroup path", async (gpu) => {
  const runs = runsOf(
    LOGISTIC,
    [{ kind: "steepest", norm: 3, lr: 0.01 }, { kind: "steepest", norm: "l1", lr: 0.01 }],
    2_000,
  );
  await assertParity(gpu, runs, [2_000], { path: "multi" });
});

// A step counts only if the loss and gradient after it are finite (the CPU's
// guardedDescent). float32 overflows at L ≈ 3.4·10³⁸ where float64 goes on to
// 10³⁰⁸, so on a diverging run the GPU stops first: at the last point whose
// next step float32 cannot hold, with that point's parameters and step count.
for (const path of ["fused", "multi"] as const) {
  gpuTest(
    `steepestOptimizer stops a diverging run at its last finite point, as the CPU's guard does (${path})`,
    async (gpu) => {
      const runs = runsOf(LSQ, [{ kind: "steepest", norm: "l2", lr: 0.1 }, {
        kind: "steepest",
        norm: "linf",
        lr: 0.05,
      }], 1_000);
      const engines = await createWebGpuEngines(runs, { gpu, path });
      await Promise.all(engines.map((e) => e.advance(1_000)));
      for (const [i, run] of runs.entries()) {
        const at = engines[i]!.diverged?.step;
        assert.ok(at !== undefined && at > 5 && at < 100, `diverged at ${at}`);
        assert.equal(engines[i]!.step, at);
        const cpu = createCpuEngine(run);
        await cpu.advance(at);
        const [got, want] = [await engines[i]!.read(), await cpu.read()];
        assert.equal(got.step, at);
        assert.ok(Number.isFinite(got.loss) && got.loss < 3.4e38);
        const e = parityError(got.predictor.data, want.predictor.data);
        assert.ok(e.cosGap <= 1e-8 && e.normError <= 1e-5, JSON.stringify(e));
        await cpu.advance(1);
        assert.ok((await cpu.read()).loss > 3.4e38, "the step refused is one float32 cannot hold");
        assert.equal(cpu.diverged, null);
      }
      for (const e of engines) e.dispose();
    },
  );
}
