import assert from "node:assert/strict";
import { from, lastValueFrom, Observable, toArray } from "rxjs";
import { stopWhen } from "../../src/operators/stop_when.ts";
import { analysisPipeline } from "../../src/run/analysis_pipeline.ts";
import { compileRun } from "../../src/run/compile_run.ts";
import { solveReference } from "../../src/run/solve_reference.ts";
import { train } from "../../src/streams/train.ts";
import { SpecError } from "../../src/spec/spec_error.ts";
import type { Snapshot } from "../../src/engine/snapshot.ts";
import { snapshotOf } from "./_snapshot.ts";

const at = (step: number, metrics: Record<string, number>, status: Snapshot["status"] = "running") =>
  snapshotOf([0], { step, metrics, status });

Deno.test("stopWhen ends at the first snapshot at or below the threshold, marked done with the reason", async () => {
  const seen = await lastValueFrom(
    from([at(0, { e: 0.5 }), at(1, { e: 0.2 }), at(2, { e: 0 }), at(3, { e: 0 })]).pipe(
      stopWhen({ metric: "e", atMost: 0 }),
      toArray(),
    ),
  );
  assert.deepEqual(seen.map((s) => s.step), [0, 1, 2]);
  assert.equal(seen[2]!.status, "done");
  assert.equal(seen[2]!.trigger, "end");
  assert.match(seen[2]!.message!, /step 2: e = 0 ≤ 0/);
  assert.equal(seen[1]!.status, "running");
});

Deno.test("stopWhen ignores snapshots without the metric or with NaN, and passes a finished run unchanged", async () => {
  const last = at(3, { e: 0.1 }, "done");
  const seen = await lastValueFrom(
    from([at(0, {}), at(1, { e: NaN }), at(2, { e: 0.3 }), last]).pipe(
      stopWhen({ metric: "e", atMost: 0.2 }),
      toArray(),
    ),
  );
  assert.equal(seen.length, 4);
  assert.equal(seen[3], last);
});

Deno.test("stopWhen unsubscribes upstream: the training stops computing", async () => {
  let emitted = 0, tornDown = false;
  const source = new Observable<Snapshot>((sub) => {
    for (let i = 0; i < 100 && !sub.closed; i++) {
      emitted++;
      sub.next(at(i, { e: 10 - i }));
    }
    return () => (tornDown = true);
  });
  const last = await lastValueFrom(source.pipe(stopWhen({ metric: "e", atMost: 5 })));
  assert.equal(last.step, 5);
  assert.equal(emitted, 6);
  assert.ok(tornDown);
});

Deno.test("a run spec's stop rule ends an mlp run once training error is 0, before its epoch cap", async () => {
  const spec = {
    problem: {
      kind: "mlp",
      widths: [16],
      data: { kind: "points", x: [[1, 0], [0, 1], [1, 1], [-1, 0.5], [0.5, -1], [-0.5, -0.5]], y: [0, 1, 2, 1, 0, 2] },
    },
    optimizer: { kind: "sgd", lr: 0.5, batch: 2 },
    epochs: 2000,
    stop: { metric: "train_error", atMost: 0 },
    record: { perDecade: 5, everyMs: 0 },
  };
  const run = compileRun(spec);
  const all = await lastValueFrom(train(run).pipe(analysisPipeline(run, await solveReference(run)), toArray()));
  const last = all.at(-1)!;
  assert.equal(last.status, "done");
  assert.equal(last.metrics.train_error, 0);
  assert.ok(last.step < run.spec.steps, `stopped at ${last.step} of ${run.spec.steps}`);
  assert.ok(all.slice(0, -1).every((s) => s.status === "running" && !(s.metrics.train_error! <= 0)));
});

Deno.test("stop on train_error is refused for kinds that do not compute it, naming the field", () => {
  assert.throws(
    () =>
      compileRun({
        problem: { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } },
        steps: 10,
        stop: { metric: "train_error", atMost: 0 },
      }),
    (e: unknown) => e instanceof SpecError && /stop\.metric/.test(e.message) && /linear-classification/.test(e.message),
  );
  assert.throws(
    () =>
      compileRun({
        problem: { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } },
        steps: 10,
        stop: { metric: "loss", atMost: -1 },
      }),
    (e: unknown) => e instanceof SpecError && /stop\.atMost/.test(e.message),
  );
});
