import assert from "node:assert/strict";
import { firstValueFrom, lastValueFrom, take, toArray } from "rxjs";
import { createCpuEngine } from "../../src/cpu/cpu_engine.ts";
import type { CompiledRun } from "../../src/run/compile_run.ts";
import type { Engine } from "../../src/engine/engine.ts";
import { SpecError } from "../../src/spec/spec_error.ts";
import { logSchedule } from "../../src/streams/log_schedule.ts";
import { train } from "../../src/streams/train.ts";

const fig1 = { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } };

Deno.test("train() emits the log schedule with a final snapshot of status done", async () => {
  const snaps = await lastValueFrom(
    train({ problem: fig1, optimizer: { kind: "gd", lr: 0.05 }, steps: 5000, record: { perDecade: 5, everyMs: 0 } }, {
      runId: "t1",
    }).pipe(toArray()),
  );
  assert.deepEqual(snaps.map((s) => s.step), logSchedule(5000, 5));
  assert.ok(snaps.every((s) => s.run === "t1"));
  assert.deepEqual(snaps.map((s) => s.status).slice(-2), ["running", "done"]);
  assert.equal(snaps.at(-1)!.trigger, "end");
  assert.ok(snaps.every((s, i) => i === 0 || s.wall >= snaps[i - 1]!.wall));
  assert.ok(snaps.every((s) => Object.keys(s.metrics).length === 0));
});

Deno.test("train() adds wall-clock heartbeats between sparse recording steps", async () => {
  const snaps = await lastValueFrom(
    train({
      problem: { kind: "linear-classification", data: { kind: "separable", n: 2000, d: 50, seed: 1 } },
      optimizer: { kind: "gd", lr: 1e-3 },
      steps: 20_000, // long enough for several 40 ms heartbeats with the fused CPU kernel
      record: { perDecade: 1, everyMs: 40 },
    }).pipe(toArray()),
  );
  const beats = snaps.filter((s) => s.trigger === "heartbeat");
  assert.ok(beats.length >= 3, `expected heartbeats, got ${beats.length}`);
  const steps = snaps.map((s) => s.step);
  assert.ok(steps.every((t, i) => i === 0 || t > steps[i - 1]!), "steps strictly increase (usable as event ids)");
});

Deno.test("train() stops computing promptly when unsubscribed", async () => {
  let engine: Engine | null = null;
  let disposed = false;
  function factory(run: CompiledRun): Engine {
    const e = createCpuEngine(run);
    engine = e;
    return {
      ...e,
      get step() {
        return e.step;
      },
      get diverged() {
        return e.diverged;
      },
      dispose() {
        disposed = true;
        e.dispose();
      },
    } as Engine;
  }
  const snaps = await lastValueFrom(
    train({ problem: fig1, steps: 1e12 }, { engine: factory }).pipe(take(40), toArray()),
  );
  assert.equal(snaps.length, 40);
  await new Promise((r) => setTimeout(r, 60));
  const stepAfter = (engine as Engine | null)!.step;
  await new Promise((r) => setTimeout(r, 100));
  assert.equal((engine as Engine | null)!.step, stepAfter, "no steps after unsubscribing");
  assert.ok(disposed, "the engine was disposed");
});

Deno.test("train() ends with status stopped when its signal aborts", async () => {
  const controller = new AbortController();
  const snaps: { status: string; step: number }[] = [];
  await new Promise<void>((resolve, reject) => {
    train({ problem: fig1, steps: 1e12 }, { signal: controller.signal }).subscribe({
      next: (s) => {
        snaps.push(s);
        if (s.step >= 1000) controller.abort();
      },
      error: reject,
      complete: resolve,
    });
  });
  const last = snaps.at(-1)!;
  assert.equal(last.status, "stopped");
  assert.ok(last.step >= 1000 && last.step < 1e12);
});

Deno.test("train() ends with status diverged, the step and a message, not an error", async () => {
  const last = await lastValueFrom(train({
    problem: { kind: "linear-classification", loss: "exp", data: { kind: "points", x: [[2], [1]], y: [1, -1] } },
    optimizer: { kind: "gd", lr: 1000 },
    steps: 100,
  }));
  assert.equal(last.status, "diverged");
  assert.equal(last.step, 1);
  assert.match(last.message!, /not finite at step 1/);
  assert.ok(last.predictor.data.every(Number.isFinite));
});

Deno.test("train() errors with a SpecError on a bad spec and is cold", async () => {
  await assert.rejects(() => firstValueFrom(train({ problem: fig1, steps: 0 })), SpecError);
  const stream = train({ problem: fig1, steps: 10, record: { perDecade: 1, everyMs: 0 } });
  const a = await lastValueFrom(stream.pipe(toArray()));
  const b = await lastValueFrom(stream.pipe(toArray()));
  assert.deepEqual(a.map((s) => s.predictor.data), b.map((s) => s.predictor.data));
  assert.notEqual(a[0]!.run, b[0]!.run, "each subscription is a new run");
});

Deno.test("train() grows its chunks past an engine's fixed cost per advance", async () => {
  // An engine like the WebGPU one: each advance costs a 15 ms round trip,
  // whatever its length; chunks of one step would take 10⁶ × 15 ms.
  let step = 0, calls = 0;
  const engine: Engine = {
    backend: "webgpu",
    get step() {
      return step;
    },
    diverged: null,
    async advance(k) {
      if (++calls > 200) throw new Error(`Too many advances: ${calls} for ${step} steps`);
      await new Promise((r) => setTimeout(r, 15));
      step += k;
    },
    read: () =>
      Promise.resolve({ step, loss: 0, gradNorm: 0, params: {}, predictor: { shape: [0], data: new Float64Array() } }),
    dispose() {},
  };
  const last = await lastValueFrom(train({
    problem: { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } },
    steps: 1_000_000,
    record: { perDecade: 5, everyMs: 0 },
  }, { engine: () => engine }));
  assert.equal(last.step, 1_000_000);
});
