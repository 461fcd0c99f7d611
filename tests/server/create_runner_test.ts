import assert from "node:assert/strict";
import { join } from "node:path";
import { compileRun } from "../../src/run/compile_run.ts";
import { createRunner, type RunEvent } from "../../src/server/create_runner.ts";
import { createRunStore } from "../../src/store/run_store.ts";
import { slowSpec, waitFor } from "./_sse.ts";

const tiny = compileRun({
  problem: { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } },
  steps: 30,
  backend: "cpu",
});

Deno.test("`createRunner()` runs at most maxConcurrentRuns at once and starts queued runs in order", async () => {
  const runner = createRunner({ store: createRunStore(await Deno.makeTempDir()), maxConcurrentRuns: 1 });
  const started: string[] = [];
  const ids = [0, 1, 2].map((i) => runner.start(tiny, { id: `r${i}` }));
  for (const id of ids) {
    runner.live(id).subscribe((e: RunEvent) => {
      if (e.type === "status" && e.status === "running") started.push(id);
    });
  }
  assert.equal(runner.running, 1);
  assert.equal(runner.queued, 2);
  await waitFor(() => ids.every((id) => runner.summary(id)!.status === "done"), 30_000, "all runs");
  assert.deepEqual(started, ["r1", "r2"]); // r0 was already running when subscribed
  assert.equal(runner.running, 0);
  assert.deepEqual(runner.list().map((s) => s.id).sort(), ids);
  runner.close();
});

Deno.test("`createRunner()` marks a run whose Worker crashes as failed, on disk too", async () => {
  const dir = await Deno.makeTempDir();
  const runner = createRunner({
    store: createRunStore(dir),
    workerUrl: new URL("./_throwing_worker.ts", import.meta.url),
  });
  const id = runner.start(tiny);
  await waitFor(() => runner.summary(id)!.status === "failed", 10_000, "the failure");
  assert.match(runner.summary(id)!.message!, /Boom in the worker/);
  assert.equal(runner.running, 0);
  runner.close();
  const again = createRunner({ store: createRunStore(dir) });
  assert.equal(again.summary(id)!.status, "failed");
  assert.match(again.summary(id)!.message!, /Boom/);
  again.close();
});

Deno.test("`createRunner()` lists past runs at start: finished as they ended, unfinished as interrupted", async () => {
  const dir = await Deno.makeTempDir();
  const first = createRunner({ store: createRunStore(dir) });
  const done = first.start(tiny, { id: "done-run" });
  const cut = first.start(compileRun(slowSpec(10_000_000, 50)), { id: "cut-run" });
  await waitFor(() => first.summary(done)!.status === "done", 20_000, "the short run");
  await waitFor(() => first.summary(cut)!.step > 0, 20_000, "the long run to record");
  first.close(); // as if the process died: no final record for cut-run
  Deno.writeTextFileSync(join(dir, "not-a-run.txt"), "x");
  Deno.mkdirSync(join(dir, "empty-dir"));

  const second = createRunner({ store: createRunStore(dir) });
  const byId = new Map(second.list().map((s) => [s.id, s]));
  assert.deepEqual([...byId.keys()].sort(), ["cut-run", "done-run"]);
  assert.equal(byId.get("done-run")!.status, "done");
  assert.equal(byId.get("done-run")!.step, 30);
  assert.equal(byId.get("cut-run")!.status, "interrupted");
  assert.match(byId.get("cut-run")!.message!, /server stopped/);
  assert.ok(byId.get("cut-run")!.step > 0);
  assert.equal(second.detail("done-run")!.reference!.kind, "max-margin-l2");
  assert.equal(second.stop("cut-run"), false);
  second.close();
});

Deno.test("`createRunner().open()` stores, lists and streams a run fed from outside, through its input Subject", async () => {
  const dir = await Deno.makeTempDir();
  const runner = createRunner({ store: createRunStore(dir) });
  const feed = runner.open({ name: "mine", steps: 2 });
  const seen: string[] = [];
  const done = new Promise<void>((resolve) =>
    runner.live(feed.id).subscribe({
      next: (e) => seen.push(e.type === "snapshot" ? `snapshot ${e.record.step}` : `status ${e.status}`),
      complete: resolve,
    })
  );
  assert.equal(runner.summary(feed.id)!.status, "running");
  const snap = (step: number) => ({
    type: "snapshot" as const,
    run: feed.id,
    step,
    wall: step,
    status: "running" as const,
    trigger: "schedule" as const,
    metrics: { loss: 1 / (step + 1) },
  });
  feed.records.next({ type: "snapshot", record: snap(0) });
  feed.records.next({ type: "snapshot", record: snap(1) });
  feed.records.next({ type: "snapshot", record: snap(1) }); // a repeated step is stored, not streamed twice
  feed.records.next({
    type: "final",
    record: {
      type: "final",
      run: feed.id,
      status: "done",
      step: 2,
      wall: 2,
      metrics: { loss: 0.3 },
      predictor: { shape: [1], data: [1] },
      reference: null,
    },
  });
  await done;
  assert.deepEqual(seen, ["snapshot 0", "snapshot 1", "status done"]);
  assert.equal(runner.summary(feed.id)!.step, 2);
  assert.equal(runner.subscriptions, 0);
  const other = runner.open({ name: "broken" });
  other.records.error(new Error("The client went away"));
  assert.equal(runner.summary(other.id)!.status, "failed");
  runner.close();
  const again = createRunner({ store: createRunStore(dir) });
  assert.equal(again.summary(feed.id)!.status, "done");
  assert.equal(again.summary(other.id)!.message, "The client went away");
  again.close();
});
