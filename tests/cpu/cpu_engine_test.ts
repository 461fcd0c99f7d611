import assert from "node:assert/strict";
import { createCpuEngine } from "../../src/cpu/cpu_engine.ts";
import { compileRun } from "../../src/run/compile_run.ts";
import { linearClassification } from "../../src/problems/linear_classification/linear_classification.ts";
import { soudryFig1 } from "../../src/problems/shared/soudry_fig1.ts";
import { lpNorm } from "../../src/math/lp_norm.ts";
import type { EngineState } from "../../src/engine/engine.ts";

const fig1 = { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } };

Deno.test("createCpuEngine() reproduces a hand-written GD loop bit for bit", async () => {
  const engine = createCpuEngine(compileRun({ problem: fig1, optimizer: { kind: "gd", lr: 0.07 }, steps: 500 }));
  await engine.advance(200);
  await engine.advance(300);
  const { x, y } = soudryFig1();
  const w = [0, 0];
  for (let t = 0; t < 500; t++) {
    const g = [0, 0];
    for (let i = 0; i < 16; i++) {
      const z0 = y[i]! * x[2 * i]!, z1 = y[i]! * x[2 * i + 1]!;
      const s = -1 / (1 + Math.exp(z0 * w[0]! + z1 * w[1]!));
      g[0]! += s * z0;
      g[1]! += s * z1;
    }
    w[0]! -= 0.07 * g[0]!;
    w[1]! -= 0.07 * g[1]!;
  }
  const state = await engine.read();
  assert.equal(state.step, 500);
  assert.deepEqual(Array.from(state.predictor.data), w);
});

Deno.test("createCpuEngine() reads loss, gradient norm and copies of the parameters", async () => {
  const run = compileRun({ problem: fig1, optimizer: { kind: "gd", lr: 0.05, momentum: 0.5 }, steps: 10 });
  const engine = createCpuEngine(run);
  const s0 = await engine.read();
  assert.equal(s0.loss, 16 * Math.log(2));
  const p = linearClassification(soudryFig1(), { loss: "logistic", reduction: "sum" });
  const g = new Float64Array(2);
  p.gradient(new Float64Array(2), g, false);
  assert.equal(s0.gradNorm, lpNorm(g, 2));
  await engine.advance(10);
  const s1 = await engine.read();
  assert.deepEqual(Object.keys(s1.params).sort(), ["momentum", "w"]);
  s1.predictor.data[0] = 99;
  assert.notEqual((await engine.read()).predictor.data[0], 99);
});

Deno.test("createCpuEngine() stops at the step whose gradient overflows and reports it", async () => {
  const engine = createCpuEngine(compileRun({
    // L(w) = e^{−2w} + eʷ: the first step lands at w = 1000, where eʷ overflows.
    problem: { kind: "linear-classification", loss: "exp", data: { kind: "points", x: [[2], [1]], y: [1, -1] } },
    optimizer: { kind: "gd", lr: 1e3 },
    steps: 100,
  }));
  await engine.advance(100);
  assert.ok(engine.diverged !== null);
  assert.equal(engine.step, 1);
  assert.equal(engine.diverged.step, engine.step);
  assert.match(engine.diverged.message, /not finite at step \d+/);
  const state = await engine.read();
  assert.ok(state.predictor.data.every(Number.isFinite), "parameters stay at their last finite values");
  await engine.advance(10);
  assert.equal(engine.step, state.step, "a diverged engine does not move");
});

Deno.test("createCpuEngine() refuses to advance once disposed", async () => {
  const engine = createCpuEngine(compileRun({ problem: fig1, steps: 10 }));
  engine.dispose();
  await assert.rejects(() => engine.advance(1), Error, "disposed");
});

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
