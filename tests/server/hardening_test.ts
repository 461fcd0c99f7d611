/**
 * Regression tests of issue 15: each finding's repro gets a fast 4xx, or a
 * running server that names the bad file.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { createApp } from "../../src/server/create_app.ts";
import { createRunner, type Runner } from "../../src/server/create_runner.ts";
import { compileRun } from "../../src/run/compile_run.ts";
import { createRunStore } from "../../src/store/run_store.ts";
import { startServer } from "../../src/server/start_server.ts";
import { readSse, waitFor } from "./_sse.ts";

const tiny = {
  problem: { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } },
  optimizer: { kind: "gd", lr: 0.1 },
  steps: 20,
  backend: "cpu",
};

type App = ReturnType<typeof createApp>;

async function withApp(
  fn: (app: App, runner: Runner) => Promise<void>,
  opts: { dir?: string; maxQueuedRuns?: number; allowOrigins?: string[] } = {},
): Promise<void> {
  const runner = createRunner({ store: createRunStore(opts.dir ?? await Deno.makeTempDir()), maxConcurrentRuns: 1 });
  const app = createApp({
    runner,
    limits: { maxQueuedRuns: opts.maxQueuedRuns ?? 32, maxConcurrentRuns: 1 },
    ...(opts.allowOrigins ? { allowOrigins: opts.allowOrigins } : {}),
  });
  try {
    await fn(app, runner);
  } finally {
    runner.close();
  }
}

function post(app: App, path: string, body: unknown, headers: Record<string, string> = {}) {
  return app.request(path, {
    method: "POST",
    body: typeof body === "string" ? body : JSON.stringify(body),
    headers: { "Content-Type": "application/json", ...headers },
  });
}

/** Answers with `status` within `ms`, as `{ error, issues }`; returns the body. */
async function fastError(pending: Response | Promise<Response>, status: number, pattern: RegExp, ms = 1000) {
  const t0 = performance.now();
  const res = await pending;
  const text = await res.text();
  const took = performance.now() - t0;
  assert.equal(res.status, status, text.slice(0, 300));
  const body = JSON.parse(text);
  assert.equal(typeof body.error, "string");
  assert.ok(Array.isArray(body.issues));
  assert.match(body.error, pattern);
  assert.ok(took < ms, `answered in ${took.toFixed(0)} ms`);
  assert.ok(text.length < 20_000, `a ${text.length}-byte answer`);
  return body;
}

Deno.test("finding 1: a huge array index in an override or a sweep path is a fast 400, nothing allocated", async () => {
  await withApp(async (app, runner) => {
    for (const index of [100_000, 10_000_000, 99_999_999]) {
      const body = await fastError(
        post(app, "/api/runs", { preset: "lsq-gd", overrides: { [`problem.data.x[${index}]`]: 1 } }),
        400,
        new RegExp(`index ${index} is beyond the end of problem\\.data\\.x`),
      );
      assert.equal(body.issues[0].path, `overrides.problem.data.x[${index}]`);
      await fastError(
        post(app, "/api/sweeps", { preset: "lsq-gd", path: `problem.data.x[${index}]`, values: [1, 2] }),
        400,
        /beyond the end/,
      );
    }
    assert.equal(runner.list().length, 0);
  });
});

Deno.test("finding 1: issues are capped per answer (a 1 MB body of 200,000 bad entries)", async () => {
  await withApp(async (app) => {
    const x = Array.from({ length: 200_000 }, () => null);
    const body = await fastError(
      post(app, "/api/runs", {
        ...tiny,
        problem: { kind: "linear-classification", data: { kind: "points", x, y: [] } },
      }),
      400,
      /problem\.data/,
      5000,
    );
    assert.ok(body.issues.length <= 51, `${body.issues.length} issues`);
  });
});

Deno.test("finding 2: text/plain bodies get 415; foreign Host and Origin get 403, GET included", async () => {
  await withApp(async (app, runner) => {
    await fastError(
      app.request("/api/runs", {
        method: "POST",
        body: JSON.stringify({ preset: "soudry-fig1" }),
        headers: { "Content-Type": "text/plain" },
      }),
      415,
      /Content-Type application\/json but found "text\/plain"/,
    );
    await fastError(
      app.request("/api/runs", { method: "POST", body: JSON.stringify({ preset: "soudry-fig1" }) }),
      415,
      /Content-Type/,
    );
    // The issue's repro: text/plain, Host and Origin of a page elsewhere.
    const evil = { Host: "evil.example", Origin: "http://evil.example" };
    await fastError(post(app, "/api/runs", { preset: "soudry-fig1" }, evil), 403, /host "evil\.example"/);
    await fastError(app.request("/api/runs", { headers: { Host: "evil.example" } }), 403, /DNS rebinding/);
    await fastError(app.request("/", { headers: { Host: "evil.example:8000" } }), 403, /host/);
    await fastError(
      post(app, "/api/runs", { preset: "soudry-fig1" }, { Host: "127.0.0.1:8000", Origin: "http://evil.example" }),
      403,
      /origin "http:\/\/evil\.example".*--allow-origin/,
    );
    await fastError(
      app.request("/api/runs", { headers: { Host: "127.0.0.1:8000", Origin: "null" } }),
      403,
      /origin "null"/,
    );
    // A POST without a body needs no type (curl -X POST …/stop); an empty body with one is the handler's 400.
    await fastError(app.request("/api/runs/no-such-run/stop", { method: "POST" }), 404, /Unknown run/);
    await fastError(app.request("/api/runs", { method: "POST" }), 400, /body is empty/);
    assert.equal(runner.list().length, 0);
    // This machine's own pages still work.
    for (const host of ["127.0.0.1:8000", "localhost:8000", "[::1]:8000", "localhost"]) {
      const res = await app.request("/api/runs", { headers: { Host: host, Origin: `http://${host}` } });
      assert.equal(res.status, 200, host);
    }
    const stop = await post(app, "/api/runs", { ...tiny }, { Host: "127.0.0.1:8000", Origin: "http://127.0.0.1:8000" });
    assert.equal(stop.status, 201);
  });
});

Deno.test("finding 2: --allow-origin lets a deliberate cross-origin client in, with CORS", async () => {
  await withApp(async (app) => {
    const res = await app.request("/api/runs", {
      headers: { Host: "127.0.0.1:8000", Origin: "http://localhost:5173" },
    });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("access-control-allow-origin"), "http://localhost:5173");
    await fastError(
      app.request("/api/runs", { headers: { Host: "127.0.0.1:8000", Origin: "http://localhost:5174" } }),
      403,
      /origin/,
    );
  }, { allowOrigins: ["http://localhost:5173"] });
});

Deno.test("finding 3: 12 sweeps of 32 runs within a second get unique ids, and a sweep is stored all or nothing", async () => {
  await withApp(async (app, runner) => {
    const answers = await Promise.all(
      Array.from({ length: 12 }, () =>
        post(app, "/api/sweeps", {
          spec: { ...tiny, steps: 1_000_000 },
          path: "optimizer.lr",
          values: Array.from({ length: 32 }, (_, i) => 0.01 * (i + 1)),
        })),
    );
    assert.deepEqual(answers.map((r) => r.status), Array(12).fill(201));
    const ids = (await Promise.all(answers.map((r) => r.json()))).flatMap((b) => b.ids as string[]);
    assert.equal(new Set(ids).size, 12 * 32);
    assert.equal(runner.list().length, 12 * 32);
    runner.close();
  }, { maxQueuedRuns: 400 });

  // All or nothing: a run that cannot be created (its id exists) removes the sweep's others; nothing is queued.
  const dir = await Deno.makeTempDir();
  const runner = createRunner({ store: createRunStore(dir), maxConcurrentRuns: 1 });
  runner.start(compileRun(tiny), { id: "taken" });
  const run = compileRun(tiny);
  assert.throws(
    () => runner.startAll([{ run, id: "a" }, { run, id: "b" }, { run, id: "taken" }, { run, id: "c" }]),
    Deno.errors.AlreadyExists,
  );
  assert.deepEqual(createRunStore(dir).ids(), ["taken"]);
  assert.deepEqual(runner.list().map((s) => s.id), ["taken"]);
  runner.close();
});

Deno.test("findings 4 and 6: corrupt run files are listed as failed naming the file; healthy runs as before", async () => {
  const dir = await Deno.makeTempDir();
  const first = createRunner({ store: createRunStore(dir) });
  const ids = ["healthy", "bad-status", "bad-final", "bad-spec", "null-line"];
  for (const id of ids) first.start(compileRun(tiny), { id });
  await waitFor(
    () => ids.every((id) => first.summary(id)!.status === "done"),
    60_000, // the first Worker of a test process is type-checked first: slow on a loaded machine
    "the runs",
  ).catch((e) => {
    throw new Error(`${e.message}: ${JSON.stringify(first.list().map((s) => [s.status, s.message]))}`);
  });
  first.close();
  Deno.writeTextFileSync(join(dir, "bad-status", "status.json"), '{"status": "failed\u0001"}');
  Deno.removeSync(join(dir, "bad-status", "final.json"));
  Deno.writeTextFileSync(join(dir, "bad-final", "final.json"), "\u0000\u0001 garbage");
  Deno.writeTextFileSync(join(dir, "bad-spec", "spec.json"), "{ not json");
  const events = Deno.readTextFileSync(join(dir, "null-line", "events.ndjson")).split("\n");
  events.splice(2, 0, "null", "[1,2]", '"text"');
  Deno.writeTextFileSync(join(dir, "null-line", "events.ndjson"), events.join("\n"));

  const errors: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => errors.push(args.join(" "));
  let server;
  try {
    server = await startServer({ port: 0, runsDir: dir, viewer: false });
  } finally {
    console.error = original;
  }
  try {
    const { runs } = await (await fetch(new URL("api/runs", server.url))).json();
    const byId = new Map(runs.map((r: { id: string }) => [r.id, r]));
    assert.deepEqual([...byId.keys()].sort(), [...ids].sort());
    const status = (id: string) => byId.get(id) as { status: string; message?: string; step: number };
    assert.equal(status("healthy").status, "done");
    assert.equal(status("healthy").step, 20);
    assert.equal(status("null-line").status, "done");
    assert.equal(status("bad-status").status, "failed");
    assert.match(status("bad-status").message!, /status\.json is not valid JSON/);
    assert.match(status("bad-final").message!, /final\.json is not valid JSON/);
    assert.match(status("bad-spec").message!, /spec\.json is not valid JSON/);
    for (const id of ["bad-status", "bad-final", "bad-spec"]) {
      assert.ok(errors.some((e) => e.includes(`Run ${id}:`)), `the log names ${id}: ${errors.join("\n")}`);
    }
    // A run whose spec cannot be read still answers (no points to show), and stays readable.
    assert.equal((await fetch(new URL("api/runs/bad-spec", server.url))).status, 200);
    assert.equal((await fetch(new URL("api/runs/bad-spec/data", server.url))).status, 404);

    // SSE and export skip the corrupt lines as the store's reader does, and end with a status event.
    const sse = await readSse(await fetch(new URL("api/runs/null-line/events", server.url)));
    assert.ok(sse.ended);
    assert.equal(sse.messages.at(-1)!.event, "status");
    assert.equal(JSON.parse(sse.messages.at(-1)!.data).status, "done");
    const csv = await fetch(new URL("api/runs/null-line/export?format=csv", server.url));
    assert.equal(csv.status, 200);
    const rows = (await csv.text()).trim().split("\n");
    const nd = (await (await fetch(new URL("api/runs/null-line/export", server.url))).text()).trim().split("\n");
    assert.equal(rows.length, nd.length + 1);
    assert.ok(nd.every((l) => JSON.parse(l).type === "snapshot"));
  } finally {
    await server.close();
  }
});

Deno.test("finding 5: JSON nested 10,000 levels deep is a fast 400, not a stack overflow", async () => {
  await withApp(async (app) => {
    const deep = "[".repeat(10_000) + "]".repeat(10_000);
    await fastError(post(app, "/api/runs", `{"name": ${deep}}`), 400, /more than 64 levels/);
    await fastError(
      post(app, "/api/runs", `{"preset": "soudry-fig1", "overrides": {"name": ${deep}}}`),
      400,
      /more than 64 levels/,
    );
    await fastError(post(app, "/api/sweeps", `{"preset":"lsq-gd","path":"name","values":[${deep}]}`), 400, /64/);
    // Brackets inside strings do not count.
    const res = await post(app, "/api/runs", { ...tiny, name: "[".repeat(150) });
    assert.equal(res.status, 201);
  });
});

Deno.test("finding 7: an SGD batch larger than n is a 400 naming optimizer.batch", async () => {
  await withApp(async (app) => {
    const body = await fastError(
      post(app, "/api/runs", { ...tiny, optimizer: { kind: "sgd", lr: 0.1, batch: 1000 } }),
      400,
      /at most the 16 examples of the problem \(saw 1000\)$/,
    );
    assert.equal(body.issues[0].path, "optimizer.batch");
    const ok = await post(app, "/api/runs", { ...tiny, optimizer: { kind: "sgd", lr: 0.1, batch: 16 } });
    assert.equal(ok.status, 201);
  });
});
