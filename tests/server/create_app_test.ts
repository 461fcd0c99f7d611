import assert from "node:assert/strict";
import { createApp } from "../../src/server/create_app.ts";
import { createRunner, type Runner } from "../../src/server/create_runner.ts";
import type { ServerLimits } from "../../src/server/server_limits.ts";
import { createRunStore } from "../../src/store/run_store.ts";
import { presets } from "../../src/presets/presets.ts";
import { slowSpec, waitFor } from "./_sse.ts";

const tiny = {
  problem: { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } },
  optimizer: { kind: "gd", lr: 0.1 },
  steps: 50,
  backend: "cpu",
};

async function withApp(
  fn: (app: ReturnType<typeof createApp>, runner: Runner) => Promise<void>,
  opts: { limits?: Partial<ServerLimits>; token?: string; maxConcurrentRuns?: number } = {},
): Promise<void> {
  const runner = createRunner({
    store: createRunStore(await Deno.makeTempDir()),
    maxConcurrentRuns: opts.maxConcurrentRuns ?? opts.limits?.maxConcurrentRuns ?? 2,
  });
  const app = createApp({
    runner,
    ...(opts.limits ? { limits: opts.limits } : {}),
    ...(opts.token ? { token: opts.token } : {}),
  });
  try {
    await fn(app, runner);
  } finally {
    runner.close();
  }
}

function post(app: ReturnType<typeof createApp>, path: string, body: unknown, headers: Record<string, string> = {}) {
  return app.request(path, {
    method: "POST",
    body: typeof body === "string" ? body : JSON.stringify(body),
    headers: { "Content-Type": "application/json", ...headers },
  });
}

async function assertError(res: Response, status: number, pattern: RegExp, issuePath?: string): Promise<void> {
  const body = await res.json();
  assert.equal(res.status, status, `status ${res.status}: ${JSON.stringify(body)}`);
  assert.equal(typeof body.error, "string");
  assert.match(body.error, pattern);
  assert.ok(Array.isArray(body.issues), "issues is an array");
  if (issuePath !== undefined) {
    assert.ok(
      body.issues.some((i: { path: string }) => i.path === issuePath),
      `an issue at ${issuePath} in ${JSON.stringify(body.issues)}`,
    );
  }
}

async function untilEnded(runner: Runner, id: string): Promise<void> {
  await waitFor(() => !["queued", "running"].includes(runner.summary(id)!.status), 30_000, `run ${id} to end`);
}

Deno.test("`createApp()` lists presets and serves the spec JSON Schema and limits", async () => {
  await withApp(async (app) => {
    const listed = await (await app.request("/api/presets")).json();
    assert.deepEqual(listed.presets.map((p: { name: string }) => p.name), Object.keys(presets()));
    assert.equal(listed.presets[0].spec.name, "soudry-fig1");
    const schema = await (await app.request("/api/schema")).json();
    assert.ok(schema.required.includes("problem"));
    assert.ok(schema.properties.steps);
    const limits = await (await app.request("/api/limits")).json();
    assert.equal(limits.maxBodyBytes, 1 << 20);
  });
});

Deno.test("`createApp({ store, runner, limits })` reads the runner's store and refuses another", async () => {
  const store = createRunStore(await Deno.makeTempDir());
  const runner = createRunner({ store });
  try {
    const app = createApp({ store, runner, limits: { maxSteps: 40 } });
    assert.equal((await (await app.request("/api/limits")).json()).maxSteps, 40);
    const res = await post(app, "/api/runs", { ...tiny, steps: 30 });
    assert.equal(res.status, 201);
    const { id } = await res.json();
    await untilEnded(runner, id);
    const lines = (await (await app.request(`/api/runs/${id}/export`)).text()).trim().split("\n");
    assert.equal(JSON.parse(lines.at(-1)!).step, 30);
    // The same directory through another store object is the same store.
    assert.doesNotThrow(() => createApp({ store: createRunStore(store.dir + "/"), runner }));
    const other = createRunStore(await Deno.makeTempDir());
    assert.throws(() => createApp({ store: other, runner }), {
      name: "TypeError",
      message: new RegExp(`^Expected store to be the runner's \\(.*\\) but found a store of ${other.dir}`),
    });
  } finally {
    runner.close();
  }
});

Deno.test("`createApp()` starts a run from a spec, lists it, details it, exports it as NDJSON and CSV", async () => {
  await withApp(async (app, runner) => {
    const res = await post(app, "/api/runs", tiny);
    assert.equal(res.status, 201);
    const { id } = await res.json();
    assert.equal(res.headers.get("location"), `/api/runs/${id}`);
    await untilEnded(runner, id);

    const { runs } = await (await app.request("/api/runs")).json();
    assert.equal(runs.length, 1);
    assert.equal(runs[0].id, id);
    assert.equal(runs[0].status, "done");
    assert.equal(runs[0].step, 50);
    assert.equal(runs[0].steps, 50);
    assert.equal(runs[0].name, "linear-classification");
    assert.ok(Number.isFinite(Date.parse(runs[0].started)));
    assert.ok(runs[0].metrics.loss > 0 && runs[0].metrics.cos_ref > 0.9);

    const detail = await (await app.request(`/api/runs/${id}`)).json();
    assert.equal(detail.spec.steps, 50);
    assert.equal(detail.spec.optimizer.kind, "gd"); // defaults filled in
    assert.equal(detail.final.status, "done");
    assert.equal(detail.reference.kind, "max-margin-l2");
    assert.deepEqual(detail.reference.shape, [2]);

    const data = await (await app.request(`/api/runs/${id}/data`)).json();
    assert.equal(data.kind, "points");
    assert.equal(data.d, 2);
    assert.equal(data.x.length, data.n);
    assert.equal(data.y.length, data.n);

    const nd = await app.request(`/api/runs/${id}/export?format=ndjson`);
    assert.equal(nd.status, 200);
    assert.match(nd.headers.get("content-type")!, /ndjson/);
    assert.match(nd.headers.get("content-disposition")!, new RegExp(`${id}\\.ndjson`));
    const lines = (await nd.text()).trim().split("\n").map((l) => JSON.parse(l));
    assert.equal(lines[0].step, 0);
    assert.equal(lines.at(-1).step, 50);
    assert.deepEqual(lines.map((l) => l.step), [...lines.map((l) => l.step)].sort((a, b) => a - b));

    const csv = await app.request(`/api/runs/${id}/export?format=csv`);
    assert.match(csv.headers.get("content-type")!, /text\/csv/);
    const rows = (await csv.text()).trim().split("\n");
    assert.equal(rows.length, lines.length + 1);
    assert.match(rows[0]!, /^step,wall,status,trigger,loss,grad_norm,norm/);
    assert.match(rows.at(-1)!, /^50,[\d.e-]+,done,end,/);

    // ndjson is the default format
    assert.equal(
      await (await app.request(`/api/runs/${id}/export`)).text(),
      lines.map((l) => JSON.stringify(l)).join("\n") + "\n",
    );
  });
});

Deno.test("`createApp()` starts a run from a preset with overrides", async () => {
  await withApp(async (app, runner) => {
    const res = await post(app, "/api/runs", { preset: "soudry-fig1", overrides: { steps: 40, "optimizer.lr": 0.5 } });
    assert.equal(res.status, 201);
    const { id } = await res.json();
    await untilEnded(runner, id);
    const detail = await (await app.request(`/api/runs/${id}`)).json();
    assert.equal(detail.name, "soudry-fig1");
    assert.equal(detail.spec.steps, 40);
    assert.equal(detail.spec.optimizer.lr, 0.5);
  });
});

Deno.test("`createApp()` starts a sweep whose runs carry the swept value", async () => {
  await withApp(async (app, runner) => {
    const res = await post(app, "/api/sweeps", { spec: tiny, path: "optimizer.lr", values: [0.1, 1] });
    assert.equal(res.status, 201);
    const { ids } = await res.json();
    assert.equal(ids.length, 2);
    for (const id of ids) await untilEnded(runner, id);
    const { runs } = await (await app.request("/api/runs")).json();
    const byId = new Map(runs.map((r: { id: string }) => [r.id, r]));
    assert.deepEqual((byId.get(ids[0]) as { sweep: unknown }).sweep, { path: "optimizer.lr", value: 0.1 });
    assert.deepEqual((byId.get(ids[1]) as { sweep: unknown }).sweep, { path: "optimizer.lr", value: 1 });
    const detail = await (await app.request(`/api/runs/${ids[1]}`)).json();
    assert.equal(detail.spec.optimizer.lr, 1);

    const fromPreset = await post(app, "/api/sweeps", {
      preset: "soudry-fig1",
      overrides: { steps: 20 },
      path: "optimizer.momentum",
      values: [0, 0.5],
    });
    assert.equal(fromPreset.status, 201);
    for (const id of (await fromPreset.json()).ids) await untilEnded(runner, id);
  });
});

Deno.test("`createApp()` stops a running run (202) and refuses to stop an ended one (409)", async () => {
  await withApp(async (app, runner) => {
    const { id } = await (await post(app, "/api/runs", slowSpec(10_000_000))).json();
    await waitFor(() => runner.summary(id)!.step > 0, 20_000, "the first steps");
    const res = await post(app, `/api/runs/${id}/stop`, "");
    assert.equal(res.status, 202);
    assert.equal((await res.json()).id, id);
    await untilEnded(runner, id);
    assert.equal(runner.summary(id)!.status, "stopped");
    const detail = await (await app.request(`/api/runs/${id}`)).json();
    assert.equal(detail.final.status, "stopped");
    await assertError(await post(app, `/api/runs/${id}/stop`, ""), 409, /already ended \(stopped\)/);
  });
});

Deno.test("`createApp()` answers bad input with 400 and { error, issues }", async () => {
  await withApp(async (app) => {
    await assertError(await post(app, "/api/runs", "{not json"), 400, /not valid JSON/);
    await assertError(await post(app, "/api/runs", ""), 400, /empty/);
    await assertError(await post(app, "/api/runs", { ...tiny, steps: 0 }), 400, /steps/, "steps");
    await assertError(await post(app, "/api/runs", { ...tiny, steps: "ten" }), 400, /steps/, "steps");
    await assertError(await post(app, "/api/runs", { ...tiny, extra: 1 }), 400, /unknown field extra/i);
    await assertError(
      await post(app, "/api/runs", { ...tiny, optimizer: { kind: "adamw" } }),
      400,
      /unknown kind; expected one of "gd"/,
      "optimizer.kind",
    );
    await assertError(
      await post(app, "/api/runs", {
        ...tiny,
        problem: { kind: "linear-classification", data: { kind: "points", x: [[1, 2], [3]], y: [1, -1] } },
      }),
      400,
      /ragged/,
      "problem.data.x[1]",
    );
    await assertError(await post(app, "/api/runs", []), 400, /Invalid spec/);
    await assertError(await post(app, "/api/runs", { preset: "nope" }), 400, /Unknown preset/, "preset");
    await assertError(await post(app, "/api/runs", { preset: "soudry-fig1", extra: 1 }), 400, /unknown field/i);
    await assertError(
      await post(app, "/api/runs", { preset: "soudry-fig1", overrides: { "optimizer..lr": 1 } }),
      400,
      /Cannot parse the field path/,
      "overrides.optimizer..lr",
    );
    await assertError(
      await post(app, "/api/runs", { preset: "soudry-fig1", overrides: { "optimizer.lr": -1 } }),
      400,
      /optimizer\.lr/,
      "optimizer.lr",
    );
    await assertError(
      await post(app, "/api/sweeps", { spec: tiny, path: "optimizer.lr", values: [] }),
      400,
      /at least one/,
      "values",
    );
    await assertError(
      await post(app, "/api/sweeps", { path: "optimizer.lr", values: [1] }),
      400,
      /either spec or preset/,
      "spec",
    );
    await assertError(
      await post(app, "/api/sweeps", { spec: tiny, overrides: {}, path: "steps", values: [1] }),
      400,
      /Overrides go with a preset/,
      "overrides",
    );
    await assertError(
      await post(app, "/api/sweeps", { spec: tiny, path: "optimizer.lr", values: [0.1, -2] }),
      400,
      /values\[1\] = -2/,
      "optimizer.lr",
    );
    await assertError(
      await post(app, "/api/sweeps", { spec: tiny, path: "1bad", values: [1] }),
      400,
      /field path/,
      "path",
    );
    await assertError(await app.request("/api/runs/bad%20id"), 400, /run id/, "id");
    await assertError(await app.request("/api/runs/.hidden/export"), 400, /run id/, "id");
  });
});

Deno.test("`createApp()` answers unknown runs and routes with 404, bad export formats and Last-Event-ID with 400", async () => {
  await withApp(async (app, runner) => {
    await assertError(await app.request("/api/runs/no-such-run"), 404, /Unknown run "no-such-run"/);
    await assertError(await app.request("/api/runs/no-such-run/events"), 404, /Unknown run/);
    await assertError(await app.request("/api/runs/no-such-run/export"), 404, /Unknown run/);
    await assertError(await app.request("/api/runs/no-such-run/data"), 404, /Unknown run/);
    await assertError(await post(app, "/api/runs/no-such-run/stop", ""), 404, /Unknown run/);
    await assertError(await app.request("/api/nothing"), 404, /Not found: GET \/api\/nothing/);
    await assertError(await app.request("/api/runs", { method: "DELETE" }), 404, /Not found: DELETE/);

    const { id } = await (await post(app, "/api/runs", tiny)).json();
    await untilEnded(runner, id);
    await assertError(await app.request(`/api/runs/${id}/export?format=xml`), 400, /format/, "format");
    await assertError(await app.request(`/api/runs/${id}/export?format=csv&x=1`), 400, /unknown field x/i);
    await assertError(
      await app.request(`/api/runs/${id}/events`, { headers: { "Last-Event-ID": "abc" } }),
      400,
      /Last-Event-ID/,
      "Last-Event-ID",
    );
  });
});

Deno.test("`createApp()` enforces its limits with 413, 422 and 429", async () => {
  await withApp(async (app, runner) => {
    const big = { ...tiny, name: "x".repeat(200), problem: { ...tiny.problem } };
    await assertError(
      await post(app, "/api/runs", { ...big, pad: "y".repeat(3000) }),
      413,
      /larger than .* 2000 bytes/,
    );
    await assertError(
      await post(app, "/api/runs", { ...tiny, steps: 1001 }),
      422,
      /1001 steps; .* at most 1000/,
      "steps",
    );
    await assertError(
      await post(app, "/api/runs", {
        ...tiny,
        problem: { kind: "linear-classification", data: { kind: "separable", n: 200, d: 100 } },
      }),
      422,
      /20000 entries .* at most 10000/,
      "problem.data",
    );
    await assertError(
      await post(app, "/api/runs", {
        ...tiny,
        problem: { kind: "linear-classification", data: { kind: "csv", path: "/etc/passwd" } },
      }),
      422,
      /not accepted over HTTP/,
      "problem.data.kind",
    );
    await assertError(
      await post(app, "/api/sweeps", { spec: tiny, path: "optimizer.lr", values: [1, 2, 3, 4] }),
      422,
      /4 values; .* at most 3/,
      "values",
    );

    // one computing + one queued fill the server; a third run is refused
    const a = await (await post(app, "/api/runs", slowSpec(1000))).json();
    const b = await (await post(app, "/api/runs", tiny)).json();
    assert.equal(runner.running, 1);
    assert.equal(runner.queued, 1);
    assert.equal(runner.summary(b.id)!.status, "queued");
    await assertError(await post(app, "/api/runs", tiny), 429, /Too many runs: 1 running and 1 queued/);
    await assertError(await post(app, "/api/sweeps", { spec: tiny, path: "steps", values: [1] }), 429, /Too many runs/);

    // a queued run can be stopped before it starts
    assert.equal((await post(app, `/api/runs/${b.id}/stop`, "")).status, 202);
    assert.equal(runner.summary(b.id)!.status, "stopped");
    await post(app, `/api/runs/${a.id}/stop`, "");
    await untilEnded(runner, a.id);
    // Ended runs free their places: a new run is taken again.
    const c = await post(app, "/api/runs", tiny);
    assert.equal(c.status, 201);
    await untilEnded(runner, (await c.json()).id);
  }, {
    limits: {
      maxBodyBytes: 2000,
      maxSteps: 1000,
      maxDataSize: 10_000,
      maxSweepValues: 3,
      maxConcurrentRuns: 1,
      maxQueuedRuns: 1,
    },
  });
});

Deno.test("`createApp()` refuses event streams over maxSseClients with 429", async () => {
  await withApp(async (app, runner) => {
    const { id } = await (await post(app, "/api/runs", slowSpec(10_000_000))).json();
    const open = [await app.request(`/api/runs/${id}/events`), await app.request(`/api/runs/${id}/events`)];
    assert.deepEqual(open.map((r) => r.status), [200, 200]);
    await assertError(await app.request(`/api/runs/${id}/events`), 429, /Too many event streams open \(2\)/);
    await open[0]!.body!.cancel();
    await waitFor(() => runner.subscriptions === 1, 5000, "the cancelled stream to unsubscribe");
    const again = await app.request(`/api/runs/${id}/events`);
    assert.equal(again.status, 200);
    await again.body!.cancel();
    await open[1]!.body!.cancel();
    runner.stop(id);
    await untilEnded(runner, id);
  }, { limits: { maxSseClients: 2 } });
});

Deno.test("`createApp()` with a token requires it on every API request", async () => {
  await withApp(async (app, runner) => {
    await assertError(await app.request("/api/runs"), 401, /Missing or wrong token/);
    await assertError(await app.request("/api/runs", { headers: { Authorization: "Bearer wrong" } }), 401, /token/);
    await assertError(await app.request("/api/runs?token=s3cre"), 401, /token/);
    await assertError(await post(app, "/api/runs", tiny), 401, /token/);
    await assertError(await app.request("/api/presets"), 401, /token/);
    assert.equal((await app.request("/api/runs", { headers: { Authorization: "Bearer s3cret" } })).status, 200);
    assert.equal((await app.request("/api/schema", { headers: { Authorization: "Bearer s3cret" } })).status, 200);
    // ?token= only where a header cannot be sent: event streams and exports (issue 15, finding 7)
    await assertError(await app.request("/api/schema?token=s3cret"), 401, /token/);
    await assertError(await post(app, "/api/runs?token=s3cret", tiny), 401, /token/);
    const res = await post(app, "/api/runs", tiny, { Authorization: "Bearer s3cret" });
    assert.equal(res.status, 201);
    const { id } = await res.json();
    await untilEnded(runner, id);
    const events = await app.request(`/api/runs/${id}/events?token=s3cret`);
    assert.equal(events.status, 200);
    await events.body!.cancel();
    assert.equal((await app.request("/")).status, 503); // the page needs no token (no viewer bundled here)
  }, { token: "s3cret" });
});

Deno.test("`createApp()` takes more routes with app.route(), behind the same guards and error handling", async () => {
  const { Hono } = await import("hono");
  const { apiError } = await import("../../src/server/api_error.ts");
  await withApp(async (app) => {
    app.route(
      "/api/extra",
      new Hono().get("/", (c) => c.json({ ok: true })).post("/", () => {
        throw apiError(422, "Extra refused");
      }),
    );
    assert.deepEqual(await (await app.request("/api/extra")).json(), { ok: true });
    await assertError(await post(app, "/api/extra", {}), 422, /Extra refused/);
    await assertError(await app.request("/api/extra", { headers: { Host: "evil.example" } }), 403, /host/);
    await assertError(await app.request("/api/extra/nothing"), 404, /Not found: GET \/api\/extra\/nothing/);
  });
});
