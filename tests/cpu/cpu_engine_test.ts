import assert from "node:assert/strict";
import { createCpuEngine } from "../../src/cpu/cpu_engine.ts";
import { compileRun } from "../../src/engine/compile_run.ts";
import type { EngineState } from "../../src/engine/engine.ts";

function flat(state: EngineState): unknown {
  return {
    step: state.step,
    loss: state.loss,
    gradNorm: state.gradNorm,
    predictor: Array.from(state.predictor.data),
    params: Object.fromEntries(Object.entries(state.params).map(([k, t]) => [k, Array.from(t.data)])),
  };
}

const separable = { kind: "separable", n: 23, d: 5, seed: 3 } as const;

Deno.test("createCpuEngine() gives the same states with and without its kernels", async () => {
  for (
    const optimizer of [
      { kind: "gd", lr: 0.2 },
      { kind: "gd", lr: 0.1, momentum: 0.9 },
      { kind: "gd", lr: 0.1, momentum: 0.5, nesterov: true },
    ]
  ) {
    for (const loss of ["logistic", "exp"]) {
      const run = compileRun({
        problem: { kind: "linear-classification", loss, reduction: "mean", data: separable },
        optimizer,
        init: { kind: "gaussian", scale: 0.1, seed: 4 },
        steps: 500,
      });
      const fast = createCpuEngine(run), slow = createCpuEngine(run, { kernels: false });
      for (const k of [1, 10, 489]) {
        await fast.advance(k);
        await slow.advance(k);
        assert.deepEqual(flat(await fast.read()), flat(await slow.read()), `${loss} ${JSON.stringify(optimizer)}`);
      }
      fast.dispose();
      slow.dispose();
    }
  }
});

Deno.test("createCpuEngine() reports divergence at the same step with and without its kernels", async () => {
  const run = compileRun({
    problem: {
      kind: "linear-classification",
      loss: "exp",
      data: { kind: "points", x: [[1, 0], [2, 0.5]], y: [1, -1] }, // not separable: GD overshoots
    },
    optimizer: { kind: "gd", lr: 10 },
    steps: 1000,
  });
  const fast = createCpuEngine(run), slow = createCpuEngine(run, { kernels: false });
  await fast.advance(1000);
  await slow.advance(1000);
  assert.ok(slow.diverged, "the reference diverges");
  assert.deepEqual(fast.diverged, slow.diverged);
  assert.deepEqual(flat(await fast.read()), flat(await slow.read()));
  await fast.advance(5);
  assert.equal(fast.step, slow.step, "a diverged engine takes no more steps");
});

Deno.test("createCpuEngine() runs optimizers without a kernel through the reference loop", async () => {
  const engine = createCpuEngine(compileRun({
    problem: { kind: "linear-classification", data: separable },
    optimizer: { kind: "sgd", lr: 0.1, batch: 4 },
    steps: 20,
  }));
  await engine.advance(20);
  assert.equal((await engine.read()).step, 20);
  engine.dispose();
  await assert.rejects(() => engine.advance(1), Error, "Cannot advance a disposed engine");
});
