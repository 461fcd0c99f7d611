import assert from "node:assert/strict";
import { lastValueFrom, map, Observable, tap, toArray } from "rxjs";
import { remoteRun } from "../../src/client/remote_run.ts";
import { startServer } from "../../src/server/start_server.ts";
import { analyze } from "../../src/run/analyze.ts";
import { train } from "../../src/streams/train.ts";
import type { Snapshot } from "../../src/engine/snapshot.ts";

const spec = {
  problem: { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } },
  steps: 5000,
  record: { perDecade: 20, everyMs: 0 },
  backend: "cpu",
};

async function withServer(fn: (url: string, server: Awaited<ReturnType<typeof startServer>>) => Promise<void>) {
  const server = await startServer({ port: 0, runsDir: await Deno.makeTempDir(), viewer: false });
  try {
    await fn(server.url, server);
  } finally {
    await server.close();
  }
}

Deno.test("remoteRun() streams train() to a server that analyses it as biasflow does locally", async () => {
  await withServer(async (url, server) => {
    const run = remoteRun(url, spec, { name: "local", config: { note: "x" }, everyMs: 0 });
    const local: Snapshot[] = [];
    train(spec).pipe(tap((s) => local.push(s))).subscribe(run);
    const result = await run.done;
    assert.deepEqual([result.status, result.confirmed, result.dropped, result.rejected], ["done", true, 0, 0]);
    assert.equal(result.sent, local.length);
    const stored = server.runner.store.read(result.id).events;
    assert.deepEqual(stored.map((r) => r.step), local.map((s) => s.step));
    const analysed = await lastValueFrom(train(spec).pipe(analyze(spec), toArray()));
    for (const [i, r] of stored.entries()) {
      const want = JSON.parse(JSON.stringify(analysed[i]!.metrics));
      for (const name of ["cos_ref", "angle_gap", "margin", "loss", "grad_norm"]) {
        assert.equal(r.metrics[name], want[name], `${name} at step ${r.step}`);
      }
    }
    assert.equal(server.runner.summary(result.id)!.status, "done");
    assert.deepEqual(server.runner.summary(result.id)!.external, { config: { note: "x" } });
  });
});

Deno.test("remoteRun() retries while the server is unreachable and drops only the record the server names", async () => {
  await withServer(async (url, server) => {
    let failures = 3;
    const flaky: typeof fetch = (input, init) => {
      if (String(input).endsWith("/records") && failures-- > 0) {
        return Promise.reject(new TypeError("Connection refused"));
      }
      return fetch(input, init);
    };
    const problems: string[] = [];
    const run = remoteRun(url, spec, { perDecade: null, fetch: flaky, onProblem: (m) => problems.push(m) });
    const values = new Observable<{ step: number; predictor: { shape: number[]; data: number[] } }>((sub) => {
      for (let step = 1; step <= 30; step++) {
        sub.next({ step, predictor: { shape: [2], data: step === 7 ? [1, NaN] : [step, step + 1] } });
      }
      sub.complete();
    });
    values.pipe(map((s) => s)).subscribe(run);
    const result = await run.done;
    assert.equal(result.rejected, 1);
    assert.equal(result.sent, 29);
    assert.ok(problems.some((p) => /retrying/.test(p)), problems.join("\n"));
    assert.ok(problems.some((p) => /step 7: .*predictor\.data\[1\]/.test(p)), problems.join("\n"));
    const steps = server.runner.store.read(result.id).events.map((r) => r.step);
    assert.deepEqual(steps, Array.from({ length: 30 }, (_, i) => i + 1).filter((s) => s !== 7));
  });
});

Deno.test("remoteRun() ends failed on error() and reports a refused spec through done", async () => {
  await withServer(async (url, server) => {
    const run = remoteRun(url, spec, { onProblem: () => {} });
    run.next({ step: 1, predictor: { shape: [2], data: [1, 2] } });
    run.error(new Error("loss went NaN"));
    const result = await run.done;
    assert.equal(server.runner.summary(result.id)!.status, "failed");
    assert.equal(server.runner.summary(result.id)!.message, "loss went NaN");

    const bad = remoteRun(url, { problem: { kind: "nope" } }, { onProblem: () => {} });
    await assert.rejects(bad.id, /refused the run \(HTTP 400\)/);
    bad.complete();
    const refused = await bad.done;
    assert.equal(refused.confirmed, false);
  });
});
