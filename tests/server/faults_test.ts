/**
 * Fault tests (issue 15): a server killed with SIGKILL mid-run restarts with
 * the run `interrupted` and readable; torn and corrupt files of every kind
 * leave a running server that names the bad file; a store that cannot be
 * written (a read-only directory, as for a full disk) is a clear 503 with
 * nothing half-written.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { compileRun } from "../../src/run/compile_run.ts";
import { createApp } from "../../src/server/create_app.ts";
import { createRunner } from "../../src/server/create_runner.ts";
import { createRunStore } from "../../src/store/run_store.ts";
import { readSse, slowSpec, snapshotSteps } from "./_sse.ts";
import { spawnServer } from "./_server_process.ts";

const JSON_HEADERS = { "Content-Type": "application/json" };

Deno.test("a server killed with SIGKILL mid-run restarts with the run interrupted, its events readable to the last line", async () => {
  const runsDir = join(await Deno.makeTempDir(), "runs");
  const first = await spawnServer({ runsDir });
  let id: string;
  try {
    const res = await fetch(new URL("api/runs", first.url), {
      method: "POST",
      headers: JSON_HEADERS,
      body: JSON.stringify(slowSpec(1e9, 20)),
    });
    assert.equal(res.status, 201);
    id = (await res.json()).id;
    await readSse(await fetch(new URL(`api/runs/${id}/events`, first.url)), (ms) => snapshotSteps(ms).length >= 5);
  } finally {
    const status = await first.kill("SIGKILL");
    assert.equal(status.signal, "SIGKILL");
  }
  // As if the kill had torn the line being written.
  Deno.writeTextFileSync(join(runsDir, id, "events.ndjson"), '{"type":"snapshot","run":"x","st', { append: true });

  const second = await spawnServer({ runsDir });
  try {
    const { runs } = await (await fetch(new URL("api/runs", second.url))).json();
    assert.equal(runs.length, 1);
    assert.equal(runs[0].status, "interrupted");
    assert.ok(runs[0].step > 0);
    const replay = await readSse(await fetch(new URL(`api/runs/${id}/events`, second.url)));
    assert.ok(replay.ended);
    const steps = snapshotSteps(replay.messages);
    assert.ok(steps.length >= 5, `${steps.length} events`);
    assert.equal(steps.at(-1), runs[0].step);
    assert.equal(JSON.parse(replay.messages.at(-1)!.data).status, "interrupted");
    const csv = await fetch(new URL(`api/runs/${id}/export?format=csv`, second.url));
    assert.equal(csv.status, 200);
    assert.equal((await csv.text()).trim().split("\n").length, steps.length + 1);
    const again = await fetch(new URL("api/runs", second.url), {
      method: "POST",
      headers: JSON_HEADERS,
      body: JSON.stringify({ preset: "soudry-fig1", overrides: { steps: 100 } }),
    });
    assert.equal(again.status, 201);
    await again.body?.cancel();
  } finally {
    await second.kill();
  }
});

const CORRUPTIONS: Record<string, (text: string) => string | null> = {
  empty: () => "",
  torn: (t) => t.slice(0, Math.floor(t.length / 2)),
  garbage: () => "\u0000\u0001\ufffd{[}\n\u0002",
  null: () => "null\n",
  "wrong shape": () => '{"type":"final","status":7}\n[1,2]\n',
  "a directory": () => null,
};

Deno.test("torn and corrupt files of every kind leave a running server that names the file, and no 5xx", async () => {
  const dir = await Deno.makeTempDir();
  const store = createRunStore(dir);
  const spec = compileRun({
    problem: { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } },
    steps: 30,
    backend: "cpu",
  }).spec;
  const cases: { id: string; file: string; how: string }[] = [];
  for (const file of ["spec.json", "events.ndjson", "final.json", "status.json"]) {
    for (const how of Object.keys(CORRUPTIONS)) {
      cases.push({ id: `${file.split(".")[0]}-${how.replace(" ", "-")}`, file, how });
    }
  }
  for (const c of cases) {
    const w = store.create(c.id, spec); // a finished run, as the runner stores one
    for (const step of [0, 10, 20, 30]) {
      const status = step === 30 ? "done" : "running";
      w.append({
        type: "snapshot",
        run: c.id,
        step,
        wall: step / 1000,
        status,
        trigger: "schedule",
        metrics: { loss: 1 / (step + 1) },
      });
    }
    w.finish({
      type: "final",
      run: c.id,
      status: "done",
      step: 30,
      wall: 0.03,
      metrics: { loss: 1 / 31 },
      predictor: { shape: [2], data: [1, 1] },
      reference: { kind: "max-margin-l2", shape: [2], data: [0.5, 0.5], margin: 1 },
    });
  }
  for (const { id, file, how } of cases) {
    const path = join(dir, id, file);
    if (file === "status.json") Deno.removeSync(join(dir, id, "final.json")); // status.json is read without final.json
    const before = file === "status.json"
      ? '{"status":"failed","step":3,"message":"Boom"}\n'
      : Deno.readTextFileSync(path);
    const after = CORRUPTIONS[how]!(before);
    if (after === null) {
      if (file !== "status.json") Deno.removeSync(path);
      Deno.mkdirSync(path);
    } else {
      Deno.writeTextFileSync(path, after);
    }
  }
  Deno.writeTextFileSync(join(dir, "events-torn", "spec.json.tmp-1234abcd"), "{"); // a temp file left by a crash

  const logged: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => logged.push(args.join(" "));
  const runner = createRunner({ store: createRunStore(dir) });
  console.error = original;
  const app = createApp({ runner });
  try {
    const { runs } = await (await app.request("/api/runs")).json();
    assert.equal(runs.length, cases.length, "every run is listed");
    for (const { id, file, how } of cases) {
      const s = runs.find((r: { id: string }) => r.id === id);
      const what = `${file} ${how}`;
      if (file === "events.ndjson") {
        // Lines that are not records are skipped as a crash's torn line is; a directory cannot be read.
        if (how === "a directory") assert.match(s.message, /events\.ndjson cannot be read/, what);
        else assert.equal(s.status, "done", what);
      } else if (file === "status.json" && how === "empty") {
        assert.equal(s.status, "failed", what);
        assert.match(s.message, /status\.json is not valid JSON/, what);
      } else {
        assert.equal(s.status, "failed", what);
        assert.match(s.message, new RegExp(file.replace(".", "\\.")), what);
        assert.ok(logged.some((l) => l.includes(`Run ${id}:`) && l.includes(file)), `${what} is logged`);
      }
      for (const path of [`/api/runs/${id}`, `/api/runs/${id}/data`, `/api/runs/${id}/export?format=csv`]) {
        const res = await app.request(path);
        assert.ok(res.status < 500, `${what}: ${path} answered ${res.status}: ${await res.text()}`);
      }
      const nd = await app.request(`/api/runs/${id}/export`);
      assert.equal(nd.status, 200, what);
      assert.ok((await nd.text()).split("\n").every((l) => l === "" || JSON.parse(l).type === "snapshot"), what);
      const sse = await readSse(await app.request(`/api/runs/${id}/events`));
      assert.ok(sse.ended, `${what}: the stream ends`);
      assert.equal(sse.messages.at(-1)?.event, "status", `${what}: with a status event`);
    }
  } finally {
    runner.close();
  }
});

Deno.test("a store that cannot be written (read-only, as a full disk) is a 503 naming it, with nothing half-written", async () => {
  const parent = await Deno.makeTempDir();
  const runsDir = join(parent, "runs");
  Deno.mkdirSync(runsDir);
  const server = await spawnServer({ runsDir, writable: [] });
  try {
    for (
      const [path, body] of [
        ["api/runs", { preset: "soudry-fig1", overrides: { steps: 100 } }],
        ["api/sweeps", { preset: "soudry-fig1", path: "optimizer.lr", values: [0.1, 0.2, 0.3] }],
      ] as const
    ) {
      const res = await fetch(new URL(path, server.url), {
        method: "POST",
        headers: JSON_HEADERS,
        body: JSON.stringify(body),
      });
      const answer = await res.json();
      assert.equal(res.status, 503, JSON.stringify(answer));
      assert.match(
        answer.error,
        new RegExp(`^Cannot store the run in ${runsDir}: .*write access.*nothing was started`),
      );
      assert.deepEqual(answer.issues, []);
    }
    assert.deepEqual([...Deno.readDirSync(runsDir)], []);
    assert.deepEqual((await (await fetch(new URL("api/runs", server.url))).json()).runs, []);
    assert.equal(server.exited, false);
  } finally {
    await server.kill();
  }
});
