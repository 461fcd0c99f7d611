import assert from "node:assert/strict";
import { from, lastValueFrom, toArray } from "rxjs";
import { createApp } from "../../src/server/create_app.ts";
import { createRunner, type RunEvent, type Runner } from "../../src/server/create_runner.ts";
import type { ServerLimits } from "../../src/server/server_limits.ts";
import { createRunStore, type RunStore } from "../../src/store/run_store.ts";
import { compileRun } from "../../src/run/compile_run.ts";
import { solveReference } from "../../src/run/solve_reference.ts";
import { analysisPipeline } from "../../src/run/analysis_pipeline.ts";
import type { Snapshot } from "../../src/engine/snapshot.ts";
import { waitFor } from "./_sse.ts";
import fc from "fast-check";
import { lpNorm } from "../../src/math/lp_norm.ts";

const spec = {
  problem: { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } },
  steps: 1000,
};

type App = ReturnType<typeof createApp>;

async function withApp(
  fn: (app: App, runner: Runner, store: RunStore) => Promise<void>,
  limits: Partial<ServerLimits> = {},
  dir?: string,
): Promise<void> {
  const store = createRunStore(dir ?? await Deno.makeTempDir());
  const runner = createRunner({ store });
  const app = createApp({ runner, limits });
  try {
    await fn(app, runner, store);
  } finally {
    runner.close();
  }
}

function post(app: App, path: string, body: unknown): Promise<Response> {
  return Promise.resolve(app.request(path, {
    method: "POST",
    body: typeof body === "string" ? body : JSON.stringify(body),
    headers: { "Content-Type": "application/json" },
  }));
}

async function json(res: Response, status: number): Promise<Record<string, unknown>> {
  const body = await res.json();
  assert.equal(res.status, status, JSON.stringify(body));
  return body;
}

async function create(app: App, extra: Record<string, unknown> = {}): Promise<string> {
  const body = await json(await post(app, "/api/runs", { external: true, spec, ...extra }), 201);
  return body.id as string;
}

const w = (step: number): number[] => [Math.log1p(step) + 0.3 * Math.sin(step), Math.log1p(step)];
const rec = (step: number) => ({ step, predictor: { shape: [2], data: w(step) } });

Deno.test("external records get the metrics biasflow's own pipeline computes for the same predictor", async () => {
  await withApp(async (app, runner, store) => {
    const id = await create(app, { name: "mine", config: { lr: 0.1, seed: 3 } });
    assert.equal(runner.summary(id)!.status, "running");
    assert.deepEqual(runner.summary(id)!.external, { config: { lr: 0.1, seed: 3 } });
    const steps = [0, 1, 2, 5, 10, 100, 1000];
    const res = await json(await post(app, `/api/runs/${id}/records`, { records: steps.map(rec) }), 200);
    assert.deepEqual(res, { id, accepted: 7, ignored: 0, step: 1000 });

    // Our own pipeline, as train() would feed it.
    const compiled = compileRun(spec);
    const reference = await solveReference(compiled);
    const grad = new Float64Array(2);
    const expected = await lastValueFrom(
      from(steps.map((step): Snapshot => {
        const p = Float64Array.from(w(step));
        const loss = compiled.problem.gradient(p, grad, true);
        return {
          run: id,
          step,
          wall: 0,
          status: "running",
          trigger: "schedule",
          metrics: {},
          loss,
          gradNorm: lpNorm(grad, 2), // as the CPU engine reports it
          params: compiled.problem.params(p),
          predictor: compiled.problem.predictor(p),
        };
      })).pipe(analysisPipeline(compiled, reference), toArray()),
    );
    const stored = store.read(id).events;
    assert.deepEqual(stored.map((r) => r.step), steps);
    for (const [i, r] of stored.entries()) {
      const want = JSON.parse(JSON.stringify(expected[i]!.metrics)); // NaN (w = 0 at step 0) is stored as null
      for (const name of ["angle_gap", "margin", "cos_ref", "loss", "grad_norm", "margin_gap", "dist_ref"]) {
        assert.equal(r.metrics[name], want[name], `${name} at step ${r.step}`);
      }
      assert.deepEqual(r.predictor, { shape: [2], data: w(r.step) });
    }
    const done = await json(await post(app, `/api/runs/${id}/finish`, { status: "done" }), 200);
    assert.equal(done.status, "done");
    const final = store.read(id).final!;
    assert.equal(final.step, 1000);
    assert.equal(final.metrics.cos_ref, expected.at(-1)!.metrics.cos_ref);
    assert.deepEqual(final.reference!.data, Array.from(reference.predictor!.data)); // solved once, as ours
    // A retried finish (its answer lost) is answered the same; records after it are refused.
    assert.equal((await json(await post(app, `/api/runs/${id}/finish`, { status: "done" }), 200)).status, "done");
    await json(await post(app, `/api/runs/${id}/records`, { records: [rec(2000)] }), 409);
  });
});

Deno.test("external records are broadcast like an internal run's, and re-sent steps are ignored", async () => {
  await withApp(async (app, runner, store) => {
    const id = await create(app);
    const seen: RunEvent[] = [];
    const sub = runner.live(id).subscribe((e) => seen.push(e));
    await json(await post(app, `/api/runs/${id}/records`, { records: [rec(1), rec(2)] }), 200);
    // The client's retry of a batch whose answer was lost, plus a new record.
    const again = await json(await post(app, `/api/runs/${id}/records`, { records: [rec(1), rec(2), rec(3)] }), 200);
    assert.deepEqual(again, { id, accepted: 1, ignored: 2, step: 3 });
    await json(await post(app, `/api/runs/${id}/records`, { records: [rec(3)] }), 200);
    await json(await post(app, `/api/runs/${id}/finish`, { status: "stopped", message: "enough" }), 200);
    sub.unsubscribe();
    assert.deepEqual(store.read(id).events.map((r) => r.step), [1, 2, 3]);
    assert.deepEqual(
      seen.map((e) => e.type === "snapshot" ? e.record.step : e.status),
      [1, 2, 3, "stopped"],
    );
    assert.equal(runner.summary(id)!.message, "enough");
  });
});

Deno.test("bad external records get 400 naming the field, and the run goes on unharmed", async () => {
  await withApp(async (app, runner, store) => {
    const id = await create(app);
    await json(await post(app, `/api/runs/${id}/records`, { records: [rec(10)] }), 200);
    const cases: [unknown, string, RegExp][] = [
      [
        { records: [{ step: 11, predictor: { shape: [3], data: [1, 2, 3] } }] },
        "records[0].predictor.shape",
        /shape \[2\]/,
      ],
      [{ records: [{ step: 11, predictor: { shape: [2], data: [1] } }] }, "records[0].predictor.data", /2 numbers/],
      [{ records: [rec(12), rec(11)] }, "records[1].step", /increase/],
      [
        { records: [{ step: 11, predictor: { shape: [2], data: [1, null] } }] },
        "records[0].predictor.data[1]",
        /finite/,
      ],
      [{ records: [{ step: 11, metrics: { loss: "x" } }] }, "records[0].metrics.loss", /finite/],
      [{ records: [{ step: -1 }] }, "records[0].step", /integer/],
      [{ records: [{ step: 11, lr: 1 }] }, "records[0].lr", /Unknown field/],
      [{ records: [] }, "records", /at least one/],
      ['{"records": [{"step": 11, "predictor": {"shape": [2], "data": [1, NaN]}}]}', "", /not valid JSON/],
    ];
    for (const [body, path, message] of cases) {
      const res = await post(app, `/api/runs/${id}/records`, body);
      const err = await json(res, 400);
      assert.match(err.error as string, message, JSON.stringify(body));
      assert.equal((err.issues as { path: string }[])[0]!.path, path, err.error as string);
    }
    assert.equal(runner.summary(id)!.status, "running");
    await json(
      await post(app, `/api/runs/${id}/records`, { records: [rec(11), { step: 12, metrics: { loss: null } }] }),
      200,
    );
    assert.deepEqual(store.read(id).events.map((r) => r.step), [10, 11, 12]);
    // A record with only metrics is stored as sent.
    assert.deepEqual(store.read(id).events[2]!.metrics, { loss: null });
    await json(await post(app, "/api/runs/nope/records", { records: [rec(1)] }), 404);
    await json(await post(app, "/api/runs", { external: true, spec: { problem: { kind: "nope" } } }), 400);
    await json(await post(app, "/api/runs", { external: true, spec, colour: 1 }), 400);
    await json(await post(app, `/api/runs/${id}/finish`, { status: "diverged" }), 400);
  });
});

Deno.test("an idle external run is interrupted, and resumes when records come again", async () => {
  await withApp(async (app, runner, store) => {
    const id = await create(app);
    await json(await post(app, `/api/runs/${id}/records`, { records: [rec(1)] }), 200);
    await waitFor(() => runner.summary(id)!.status === "interrupted", 5000, "the idle run to be interrupted");
    assert.match(runner.summary(id)!.message!, /No records for 0.2 s/);
    await json(await post(app, `/api/runs/${id}/records`, { records: [rec(1), rec(2)] }), 200);
    assert.equal(runner.summary(id)!.status, "running");
    await json(await post(app, `/api/runs/${id}/finish`, { status: "done" }), 200);
    assert.deepEqual(store.read(id).events.map((r) => r.step), [1, 2]);
    assert.equal(runner.summary(id)!.status, "done");
  }, { externalIdleMs: 200 });
});

Deno.test("an external run survives a server restart: records resume it, none stored twice", async () => {
  const dir = await Deno.makeTempDir();
  let id = "", quiet = "";
  await withApp(
    async (app) => {
      id = await create(app, { config: { lr: 2 } });
      await json(await post(app, `/api/runs/${id}/records`, { records: [rec(1), rec(2)] }), 200);
      quiet = await create(app);
      await json(await post(app, `/api/runs/${quiet}/records`, { records: [rec(5)] }), 200);
    },
    {},
    dir,
  );
  // A torn line, as a kill mid-write leaves.
  await Deno.writeTextFile(`${dir}/${id}/events.ndjson`, '{"type":"snapshot","st', { append: true });
  await withApp(
    async (app, runner, store) => {
      assert.equal(runner.summary(id)!.status, "interrupted");
      assert.deepEqual(runner.summary(id)!.external, { config: { lr: 2 } });
      const res = await json(await post(app, `/api/runs/${id}/records`, { records: [rec(2), rec(3)] }), 200);
      assert.deepEqual(res, { id, accepted: 1, ignored: 1, step: 3 });
      await json(await post(app, `/api/runs/${id}/finish`, { status: "done" }), 200);
      assert.deepEqual(store.read(id).events.map((r) => r.step), [1, 2, 3]);
      assert.equal(store.read(id).final!.step, 3);
      // A run whose client only finishes after the restart ends on its last stored record.
      await json(await post(app, `/api/runs/${quiet}/finish`, { status: "done" }), 200);
      const final = store.read(quiet).final!;
      assert.deepEqual([final.status, final.step, final.predictor!.data], ["done", 5, w(5)]);
      assert.equal(final.metrics.cos_ref, store.read(quiet).events[0]!.metrics.cos_ref);
    },
    {},
    dir,
  );
});

Deno.test("external runs: finish failed, stop by request, limits and internal runs refused records", async () => {
  await withApp(async (app, runner) => {
    const a = await create(app);
    await json(await post(app, `/api/runs/${a}/finish`, { status: "failed", message: "CUDA out of memory" }), 200);
    assert.equal(runner.summary(a)!.status, "failed");
    assert.equal(runner.summary(a)!.message, "CUDA out of memory");
    const b = await create(app);
    await json(await post(app, `/api/runs/${b}/finish`, { status: "done" }), 409); // no records yet
    await json(await post(app, `/api/runs/${b}/stop`, {}), 202);
    assert.equal(runner.summary(b)!.status, "stopped");
    await json(await post(app, `/api/runs/${b}/records`, { records: [rec(1)] }), 409);
    const c = await create(app);
    const d = await create(app);
    await json(await post(app, "/api/runs", { external: true, spec }), 429);
    await json(await post(app, `/api/runs/${c}/finish`, { status: "stopped" }), 200);
    await json(await post(app, `/api/runs/${d}/records`, { records: [rec(1), rec(2)] }), 200);
    const over = await json(await post(app, `/api/runs/${d}/records`, { records: [rec(3), rec(4)] }), 422);
    assert.match(over.error as string, /at most 3 per external run/);
    await json(await post(app, `/api/runs/${d}/records`, { records: [rec(2), rec(3)] }), 200); // one of them new
    const tooBig = { external: true, spec: { ...spec, steps: 1e7 } };
    await json(await post(app, "/api/runs", tooBig), 422);
    const internal = await json(await post(app, "/api/runs", { ...spec, steps: 10 }), 201);
    await json(await post(app, `/api/runs/${internal.id}/records`, { records: [rec(1)] }), 409);
    await waitFor(() => runner.summary(internal.id as string)!.status === "done", 30_000, "the internal run");
  }, { maxExternalRuns: 2, maxSteps: 1e6, maxExternalRecords: 3 });
});

Deno.test("external runs follow the token rule and stream over SSE like internal runs", async () => {
  const store = createRunStore(await Deno.makeTempDir());
  const runner = createRunner({ store });
  const app = createApp({ runner, token: "s3cret" });
  const auth = { "Content-Type": "application/json", Authorization: "Bearer s3cret" };
  try {
    const refused = await app.request("/api/runs", { method: "POST", body: JSON.stringify({ external: true, spec }) });
    assert.equal(refused.status, 401);
    await refused.body?.cancel();
    const created = await app.request("/api/runs", {
      method: "POST",
      headers: auth,
      body: JSON.stringify({ external: true, spec }),
    });
    const { id } = await json(created, 201);
    const records = (body: unknown, headers: Record<string, string>) =>
      app.request(`/api/runs/${id}/records`, { method: "POST", headers, body: JSON.stringify(body) });
    const noToken = await records({ records: [rec(1)] }, { "Content-Type": "application/json" });
    assert.equal(noToken.status, 401);
    await noToken.body?.cancel();
    await json(await records({ records: [rec(1), rec(2)] }, auth), 200);
    const events = await app.request(`/api/runs/${id}/events?token=s3cret`);
    assert.equal(events.headers.get("content-type"), "text/event-stream");
    const reader = events.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = "";
    const finish = app.request(`/api/runs/${id}/finish`, {
      method: "POST",
      headers: auth,
      body: JSON.stringify({ status: "done" }),
    });
    while (!text.includes('"status":"done"')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += value;
    }
    await reader.cancel();
    await json(await finish, 200);
    const snapshots = [...text.matchAll(/event: snapshot\ndata: (.*)\nid: (\d+)/g)].map((m) => Number(m[2]));
    assert.deepEqual(snapshots, [1, 2]);
    assert.match(text, /"cos_ref":/);
  } finally {
    runner.close();
  }
});

Deno.test("random bodies on the external endpoints get 4xx answers, never 5xx, and leave the run working", async () => {
  await withApp(async (app, runner, store) => {
    const id = await create(app);
    await json(await post(app, `/api/runs/${id}/records`, { records: [rec(1)] }), 200);
    const record = fc.record({
      step: fc.oneof(fc.integer({ min: -2, max: 5 }), fc.double(), fc.string(), fc.constant(null)),
      predictor: fc.oneof(
        fc.record({ shape: fc.array(fc.integer({ min: -1, max: 3 }), { maxLength: 3 }), data: fc.array(fc.double()) }),
        fc.anything(),
      ),
      params: fc.array(fc.oneof(fc.double(), fc.constant(null))),
      metrics: fc.dictionary(fc.string(), fc.oneof(fc.double(), fc.string(), fc.constant(null))),
      wall: fc.oneof(fc.double(), fc.string()),
    }, { requiredKeys: [] });
    const bodies = fc.oneof(fc.anything(), fc.record({ records: fc.array(record, { maxLength: 4 }) }));
    await fc.assert(
      fc.asyncProperty(bodies, async (body) => {
        const res = await post(app, `/api/runs/${id}/records`, JSON.stringify(body) ?? "null");
        await res.body?.cancel();
        assert.ok(res.status < 500, `${res.status} for ${JSON.stringify(body)}`);
      }),
      { numRuns: 300, seed: 16 },
    );
    await fc.assert(
      fc.asyncProperty(fc.anything(), fc.anything(), async (spec, config) => {
        const res = await post(app, "/api/runs", { external: true, spec, config });
        await res.body?.cancel();
        assert.ok(res.status < 500, `${res.status} for ${JSON.stringify({ spec, config })}`);
      }),
      { numRuns: 200, seed: 16 },
    );
    assert.equal(runner.summary(id)!.status, "running");
    await json(await post(app, `/api/runs/${id}/records`, { records: [rec(1000)] }), 200);
    assert.equal(store.read(id).events.at(-1)!.step, 1000);
  }, { maxExternalRuns: 64 });
});
