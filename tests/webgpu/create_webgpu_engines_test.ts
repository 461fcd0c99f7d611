import assert from "node:assert/strict";
import { compileRun } from "../../src/run/compile_run.ts";
import { createWebGpuEngines } from "../../src/webgpu/create_webgpu_engines.ts";
import { createWebGpuEngine } from "../../src/webgpu/create_webgpu_engine.ts";
import { gpuTest } from "./_with_gpu.ts";
import { parityAt } from "./_parity.ts";

// Parity with the float64 CPU engine, per problem (loss × reduction) and
// optimizer, after 10⁴ and 2·10⁵ steps. 2·10⁵ steps cross llvmpipe's 65,535
// loop-iteration cap dozens of times (each fused dispatch is planned below it).
// The runs of one problem share a batch, as in a sweep.
const SEPARABLE = { kind: "separable", n: 40, d: 6, seed: 1 } as const;
const FIG1 = { kind: "dataset", name: "soudry-fig1" } as const;

const MATRIX = [
  {
    problem: { loss: "logistic", reduction: "sum", data: SEPARABLE },
    optimizers: [
      { kind: "gd", lr: 0.1 },
      { kind: "gd", lr: 0.1, momentum: 0.9 },
      { kind: "gd", lr: 0.1, momentum: 0.9, nesterov: true },
      { kind: "normalized-gd", lr: 0.1 },
      { kind: "sgd", lr: 0.1, batch: 3, seed: 4 },
      { kind: "sgd", lr: 0.05, batch: 8, seed: 1, momentum: 0.5, nesterov: true },
    ],
  },
  {
    problem: { loss: "logistic", reduction: "mean", data: FIG1 },
    optimizers: [{ kind: "gd", lr: 1 }, { kind: "sgd", lr: 0.5, batch: 5, seed: 2 }],
  },
  {
    problem: { loss: "exp", reduction: "sum", data: SEPARABLE },
    optimizers: [{ kind: "gd", lr: 0.02 }, { kind: "normalized-gd", lr: 0.1 }],
  },
  {
    problem: { loss: "exp", reduction: "mean", data: FIG1 },
    optimizers: [{ kind: "gd", lr: 0.2, momentum: 0.5 }, { kind: "normalized-gd", lr: 0.05 }],
  },
] as const;

function runsOf(entry: (typeof MATRIX)[number], steps: number) {
  return entry.optimizers.map((optimizer) =>
    compileRun({ problem: { kind: "linear-classification", ...entry.problem }, optimizer, steps })
  );
}

function assertParity(errors: { cosGap: number; normError: number }, what: string): void {
  assert.ok(errors.cosGap <= 1e-8, `${what}: 1 − cos = ${errors.cosGap}`);
  assert.ok(errors.normError <= 1e-5, `${what}: relative norm error = ${errors.normError}`);
}

for (const entry of MATRIX) {
  const name = `${entry.problem.loss}/${entry.problem.reduction}`;
  gpuTest(
    `createWebGpuEngines() matches the float64 engine on ${name} after 1e4 and 2e5 steps (fused)`,
    async (gpu) => {
      const runs = runsOf(entry, 200_000);
      const engines = await createWebGpuEngines(runs, { gpu });
      const errors = await parityAt(runs, engines, [10_000, 200_000]);
      errors.forEach((atT, c) =>
        atT.forEach((e, i) => assertParity(e, `${name} ${JSON.stringify(entry.optimizers[i])} at ${[1e4, 2e5][c]}`))
      );
      for (const e of engines) e.dispose();
    },
  );
}

gpuTest("createWebGpuEngines() matches the float64 engine after 1e4 steps on the multi-workgroup path", async (gpu) => {
  const runs = runsOf(MATRIX[0], 10_000).filter((_, i) => i !== 1);
  const engines = await createWebGpuEngines(runs, { gpu, path: "multi" });
  const [errors] = await parityAt(runs, engines, [10_000]);
  errors!.forEach((e, i) => assertParity(e, `multi ${JSON.stringify(runs[i]!.spec.optimizer)}`));
  for (const e of engines) e.dispose();
});

gpuTest("createWebGpuEngines() batches 8 runs that match the same 8 runs made one by one, bit for bit", async (gpu) => {
  const seeds = [0, 1, 2, 3, 4, 5, 6, 7];
  const runs = seeds.map((seed) =>
    compileRun({
      problem: { kind: "linear-classification", data: SEPARABLE },
      optimizer: { kind: "sgd", lr: 0.1 + 0.01 * seed, batch: 4, seed, momentum: seed % 2 ? 0.9 : 0 },
      init: { kind: "gaussian", scale: 0.1, seed },
      steps: 5_000,
    })
  );
  const batch = await createWebGpuEngines(runs, { gpu });
  // The views advance on their own schedules, as sweep()'s streams do.
  await Promise.all(batch.map(async (e, i) => {
    for (let t = 0; t < 5_000; t += 700 + 100 * i) await e.advance(Math.min(700 + 100 * i, 5_000 - t));
  }));
  for (const [i, run] of runs.entries()) {
    const single = await createWebGpuEngine(run, { gpu });
    await single.advance(5_000);
    const [a, b] = await Promise.all([batch[i]!.read(), single.read()]);
    assert.equal(a.step, 5_000);
    assert.deepEqual(Array.from(a.predictor.data), Array.from(b.predictor.data), `run ${i}`);
    assert.equal(a.loss, b.loss);
    single.dispose();
  }
  for (const e of batch) e.dispose();
});

gpuTest("createWebGpuEngines() keeps stepping a batch after some of its engines are disposed", async (gpu) => {
  const runs = [0.1, 0.2, 0.3].map((lr) =>
    compileRun({ problem: { kind: "linear-classification", data: FIG1 }, optimizer: { kind: "gd", lr }, steps: 100 })
  );
  const engines = await createWebGpuEngines(runs, { gpu });
  await Promise.all(engines.map((e) => e.advance(10)));
  engines[0]!.dispose();
  await Promise.all(engines.slice(1).map((e) => e.advance(90)));
  assert.deepEqual(engines.slice(1).map((e) => e.step), [100, 100]);
  await assert.rejects(engines[0]!.advance(1), /disposed/);
  for (const e of engines) e.dispose();
});

gpuTest("createWebGpuEngines() puts runs of different problems in different batches", async (gpu) => {
  const runs = [FIG1, SEPARABLE].map((data) =>
    compileRun({ problem: { kind: "linear-classification", data }, steps: 10 })
  );
  const engines = await createWebGpuEngines(runs, { gpu });
  await Promise.all(engines.map((e) => e.advance(10)));
  const states = await Promise.all(engines.map((e) => e.read()));
  assert.deepEqual(states.map((s) => s.predictor.shape), [[2], [6]]);
  for (const e of engines) e.dispose();
});
