/**
 * The server's fuzz suite (issue 15): property-based requests generated with
 * fast-check — specs, preset overrides, sweep bodies, query parameters,
 * headers and run ids, valid and broken — sent to a server process on
 * loopback whose writes Deno confines to its runs directory. Counts answers
 * that break the contract: a 5xx, a 4xx without `{ error, issues }`, a request
 * that does not answer within the time bound (a hang), a server process that
 * exits (a crash), and memory (peak RSS, sampled).
 *
 * `deno task fuzz` runs 10,000 cases (`--cases N`, `--seed S`, `--concurrency C`);
 * `fuzz_test.ts` runs a few hundred in CI.
 *
 * @module
 */
import fc from "fast-check";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { presets } from "../../src/presets/presets.ts";
import { spawnServer } from "./_server_process.ts";

/** One generated request. */
export interface FuzzRequest {
  /** What the case exercises. */
  kind: string;
  /** HTTP method. */
  method: string;
  /** Path and query (an `{id}` is replaced by a run id of an earlier answer, or a generated one). */
  path: string;
  /** Request headers. */
  headers: Record<string, string>;
  /** Body text, if any. */
  body?: string;
}

/** What a fuzz session found. */
export interface FuzzReport {
  /** Requests sent. */
  cases: number;
  /** Answers by status class and code. */
  statuses: Record<string, number>;
  /** Answers with status ≥ 500. */
  serverErrors: number;
  /** 4xx answers without a JSON `{ error: string, issues: array }`. */
  badErrorBodies: number;
  /** Requests unanswered within the time bound. */
  hangs: number;
  /** Whether the server process exited during the session. */
  crashed: boolean;
  /** Files or folders written beside the runs directory (must be none). */
  strayWrites: string[];
  /** Runs the server accepted (201). */
  runsStarted: number;
  /** Wall time, in seconds. */
  wallSeconds: number;
  /** Resident memory of the server at start and at its peak, in MiB. */
  rssStartMiB: number;
  /** The peak RSS sampled (every 50 cases), in MiB. */
  rssPeakMiB: number;
  /** RSS after the last case, in MiB. */
  rssEndMiB: number;
  /** Latency of the answers (ms): median, 95th percentile, maximum. */
  latencyMs: { p50: number; p95: number; max: number };
  /** The first few contract violations, with their requests. */
  failures: { request: FuzzRequest; problem: string }[];
}

/** Options of {@link fuzzServer}. */
export interface FuzzOptions {
  /** Requests to send. */
  cases: number;
  /** fast-check seed (default 42: the same cases every time). */
  seed?: number;
  /** Requests in flight at once (default 4). */
  concurrency?: number;
  /** A request unanswered after this many ms is a hang (default 10,000). */
  timeoutMs?: number;
  /** Stop sending after this many ms (default: no limit). */
  budgetMs?: number;
}

const PRESETS = presets();
const PRESET_NAMES = Object.keys(PRESETS);

const PATHS = [
  "steps",
  "name",
  "backend",
  "optimizer.kind",
  "optimizer.lr",
  "optimizer.batch",
  "optimizer.momentum",
  "optimizer.norm",
  "optimizer.p",
  "problem.kind",
  "problem.loss",
  "problem.reduction",
  "problem.data.kind",
  "problem.data.n",
  "problem.data.d",
  "problem.data.x",
  "problem.data.y",
  "problem.data.path",
  "problem.depth",
  "problem.width",
  "problem.n",
  "problem.rank",
  "problem.measurements.m",
  "problem.measurements.kind",
  "init",
  "init.kind",
  "init.scale",
  "record.perDecade",
  "record.everyMs",
];

const fieldPath = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...PATHS) },
  {
    weight: 2,
    arbitrary: fc.tuple(
      fc.constantFrom("problem.data.x", "problem.data.y", "problem.width", "init.data"),
      fc.oneof(fc.nat(4), fc.integer({ min: 5, max: 2 ** 31 }), fc.constant(99_999_999)),
      fc.option(fc.nat(3), { nil: undefined }),
    ).map(([p, i, j]) => `${p}[${i}]${j === undefined ? "" : `[${j}]`}`),
  },
  {
    weight: 1,
    arbitrary: fc.array(fc.constantFrom("a", "problem", "x", "0", "[1]", ".", "__proto__", "constructor"), {
      maxLength: 40,
    }).map((parts) => parts.join(".")),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
);

const number = fc.oneof(
  fc.integer({ min: -5, max: 5000 }),
  fc.double({ noNaN: true }),
  fc.constantFrom(0, -1, 1e-300, 1e308, 1e9, 1e12, 2 ** 53, 0.1, 3),
);

const value: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: number },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(null, true, false, "gd", "sgd", "adam", "points", "csv", "/etc/passwd", "../x"),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.array(fc.array(number, { maxLength: 4 }), { maxLength: 6 }) },
);

const overrides = fc.dictionary(fieldPath, value, { maxKeys: 4 });

const preset = fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...PRESET_NAMES) }, {
  weight: 1,
  arbitrary: fc.string({ maxLength: 12 }),
});

/** A preset's spec with a few fields replaced or removed (set by path, locally). */
const mutatedSpec = fc.tuple(
  fc.constantFrom(...PRESET_NAMES),
  fc.array(fc.tuple(fc.constantFrom(...PATHS), fc.option(value, { nil: undefined })), { maxLength: 3 }),
  fc.integer({ min: 1, max: 3000 }),
).map(([name, edits, steps]) => {
  const spec = structuredClone(PRESETS[name]!.spec) as unknown as Record<string, unknown>;
  spec.steps = steps;
  for (const [path, v] of edits) {
    const keys = path.split(".");
    let at: Record<string, unknown> = spec;
    for (const k of keys.slice(0, -1)) {
      if (typeof at[k] !== "object" || at[k] === null) at[k] = {};
      at = at[k] as Record<string, unknown>;
    }
    if (v === undefined) delete at[keys.at(-1)!];
    else at[keys.at(-1)!] = v;
  }
  return spec;
});

const json = (v: unknown) => JSON.stringify(v);
const JSON_TYPE = { "Content-Type": "application/json" };

const runId = fc.oneof(
  { weight: 6, arbitrary: fc.constant("{id}") },
  {
    weight: 1,
    arbitrary: fc.constantFrom("..", ".", "%2e%2e", "a%2Fb", "..%2F..%2Fetc", "x".repeat(300), "%00", "runs", "-", "_"),
  },
  { weight: 2, arbitrary: fc.string({ minLength: 1, maxLength: 40 }).map(encodeURIComponent) },
);

const headerVariants = fc.oneof(
  { weight: 8, arbitrary: fc.constant(JSON_TYPE as Record<string, string>) },
  {
    weight: 2,
    arbitrary: fc.record({
      "Content-Type": fc.constantFrom(
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data",
        "",
        "application/json; charset=utf-8",
        "APPLICATION/JSON",
        "application/jsonp",
      ),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ ...JSON_TYPE, Origin: "http://evil.example" }) },
  { weight: 1, arbitrary: fc.constant({ ...JSON_TYPE, Origin: "null" }) },
);

/** The generator of requests. */
export const fuzzRequest: fc.Arbitrary<FuzzRequest> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.tuple(preset, overrides, fc.integer({ min: 1, max: 3000 }), fc.boolean(), headerVariants).map((
      [p, o, steps, small, headers],
    ) => ({
      kind: "preset+overrides",
      method: "POST",
      path: "/api/runs",
      headers,
      body: json({ preset: p, overrides: small ? { steps, ...o } : o }),
    })),
  },
  {
    weight: 5,
    arbitrary: fc.tuple(mutatedSpec, headerVariants).map(([spec, headers]) => ({
      kind: "spec",
      method: "POST",
      path: "/api/runs",
      headers,
      body: json(spec),
    })),
  },
  {
    weight: 4,
    arbitrary: fc.tuple(
      fc.oneof(
        fc.record({ preset, overrides: fc.option(overrides, { nil: undefined }) }),
        fc.record({ spec: mutatedSpec }),
      ),
      fieldPath,
      fc.array(value, { maxLength: 40 }),
      fc.constantFrom({}, { extra: 1 }),
    ).map(([base, path, values, extra]) => ({
      kind: "sweep",
      method: "POST",
      path: "/api/sweeps",
      headers: JSON_TYPE,
      body: json({ ...JSON.parse(JSON.stringify(base)), path, values, ...extra }),
    })),
  },
  {
    weight: 5,
    arbitrary: fc.tuple(
      runId,
      fc.constantFrom("", "/data", "/export", "/stop", "/nothing", "/export/x"),
      fc.dictionary(
        fc.constantFrom("format", "token", "lastEventId", "x", "format[]"),
        fc.oneof(fc.constantFrom("csv", "ndjson", "xml", "", "1"), fc.string({ maxLength: 10 })),
        { maxKeys: 3 },
      ),
    ).map(([id, sub, query]) => ({
      kind: "run route",
      method: sub === "/stop" ? "POST" : "GET",
      path: `/api/runs/${id}${sub}${Object.keys(query).length ? "?" + new URLSearchParams(query) : ""}`,
      headers: sub === "/stop" ? JSON_TYPE : {},
      ...(sub === "/stop" ? { body: "{}" } : {}),
    })),
  },
  {
    weight: 2,
    arbitrary: fc.tuple(
      runId,
      fc.oneof(fc.constantFrom("0", "5", "-1", "abc", "1e3", "99999999999999999", ""), fc.string({ maxLength: 20 })),
    ).map((
      [id, last],
    ) => ({
      kind: "events",
      method: "GET",
      path: `/api/runs/${id}/events`,
      headers: { "Last-Event-ID": last.replace(/[\r\n\0]/g, "") },
    })),
  },
  {
    weight: 2,
    arbitrary: fc.tuple(
      fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"),
      fc.oneof(
        fc.constantFrom(
          "/api/runs",
          "/api/sweeps",
          "/api/presets",
          "/api/schema",
          "/api/limits",
          "/api/",
          "/api/runs/",
        ),
        fc.webPath().map((p) => `/api${p}`),
      ),
      fc.oneof(
        fc.constant(undefined),
        fc.jsonValue({ maxDepth: 4 }).map(json),
        fc.string({ maxLength: 200 }),
        fc.integer({ min: 1, max: 20_000 }).map((n) => "[".repeat(n) + "]".repeat(n)),
        fc.integer({ min: 1, max: 5000 }).map((n) => `{"a":${'{"a":'.repeat(n)}1${"}".repeat(n)}}`),
      ),
      headerVariants,
    ).map(([method, path, body, headers]) => ({
      kind: "random",
      method,
      path,
      headers,
      ...(body === undefined || method === "GET" ? {} : { body }),
    })),
  },
);

/**
 * Starts a server process on loopback (runs capped at 3,000 steps and small
 * data so accepted runs finish), sends `cases` generated requests, and
 * reports what broke the contract.
 */
export async function fuzzServer(options: FuzzOptions): Promise<FuzzReport> {
  const parent = await Deno.makeTempDir({ prefix: "biasflow-fuzz-" });
  const runsDir = join(parent, "runs");
  const server = await spawnServer({
    runsDir,
    limits: { maxSteps: 3000, maxDataSize: 20_000, maxConcurrentRuns: 1, maxQueuedRuns: 8, maxSseClients: 16 },
  });
  const requests = fc.sample(fuzzRequest, { numRuns: options.cases, seed: options.seed ?? 42 });
  const timeoutMs = options.timeoutMs ?? 10_000;
  const started = performance.now();
  const rssStart = server.rss();
  let rssPeak = rssStart;
  const statuses: Record<string, number> = {};
  const failures: FuzzReport["failures"] = [];
  const latencies: number[] = [];
  const ids: string[] = [];
  let serverErrors = 0, badErrorBodies = 0, hangs = 0, runsStarted = 0, sent = 0, next = 0;
  function fail(request: FuzzRequest, problem: string): void {
    if (failures.length < 10) failures.push({ request, problem });
  }
  async function one(request: FuzzRequest, n: number): Promise<void> {
    const id = ids.length > 0 ? ids[n % ids.length]! : "no-such-run";
    const path = request.path.replace("{id}", id);
    const t0 = performance.now();
    try {
      const res = await fetch(new URL(path, server.url), {
        method: request.method,
        headers: request.headers,
        ...(request.body === undefined ? {} : { body: request.body }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      let text = "";
      if (res.headers.get("content-type")?.startsWith("text/event-stream")) {
        const reader = res.body!.getReader();
        await reader.read(); // the stream opened and sent its first bytes
        await reader.cancel();
      } else {
        text = await res.text();
      }
      latencies.push(performance.now() - t0);
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      if (res.status >= 500) {
        serverErrors++;
        fail(request, `${res.status}: ${text.slice(0, 300)}`);
      } else if (res.status >= 400) {
        let ok = false;
        try {
          const body = JSON.parse(text);
          ok = typeof body.error === "string" && body.error.length > 0 && Array.isArray(body.issues);
        } catch { /* not JSON */ }
        if (!ok) {
          badErrorBodies++;
          fail(request, `${res.status} without { error, issues }: ${text.slice(0, 200)}`);
        }
      } else if (res.status === 201) {
        runsStarted++;
        const body = JSON.parse(text);
        for (const rid of body.ids ?? [body.id]) ids.push(rid);
      }
    } catch (e) {
      if ((e as Error).name === "TimeoutError") {
        hangs++;
        fail(request, `no answer within ${timeoutMs} ms`);
      } else if (!server.exited) {
        fail(request, `request failed: ${(e as Error).message}`);
        hangs++;
      }
    }
  }
  const budget = options.budgetMs ?? Infinity;
  await Promise.all(Array.from({ length: options.concurrency ?? 4 }, async () => {
    while (next < requests.length && !server.exited && performance.now() - started < budget) {
      const n = next++;
      await one(requests[n]!, n);
      sent++;
      if (n % 50 === 0) rssPeak = Math.max(rssPeak, server.rss());
      if (n % 200 === 0 && ids.length > 0) {
        // Keep the queue moving: stop what is still computing.
        const { runs } = await (await fetch(new URL("api/runs", server.url))).json();
        for (const r of runs as { id: string; status: string }[]) {
          if (r.status === "queued" || r.status === "running") {
            await (await fetch(new URL(`api/runs/${r.id}/stop`, server.url), { method: "POST" })).body?.cancel();
          }
        }
      }
    }
  }));
  const rssEnd = server.rss();
  rssPeak = Math.max(rssPeak, rssEnd);
  const crashed = server.exited;
  if (crashed) {
    fail({ kind: "-", method: "-", path: "-", headers: {} }, `the server exited: ${server.stderr().slice(-500)}`);
  }
  await server.kill();
  const strayWrites = [...Deno.readDirSync(parent)].map((e) => e.name).filter((n) => n !== "runs");
  await Deno.remove(parent, { recursive: true });
  latencies.sort((a, b) => a - b);
  const q = (p: number) =>
    latencies.length ? Math.round(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!) : NaN;
  return {
    cases: sent,
    statuses,
    serverErrors,
    badErrorBodies,
    hangs,
    crashed,
    strayWrites,
    runsStarted,
    wallSeconds: Math.round((performance.now() - started) / 100) / 10,
    rssStartMiB: Math.round(rssStart / 2 ** 20),
    rssPeakMiB: Math.round(rssPeak / 2 ** 20),
    rssEndMiB: Math.round(rssEnd / 2 ** 20),
    latencyMs: { p50: q(0.5), p95: q(0.95), max: q(1) },
    failures,
  };
}

if (import.meta.main) {
  const { values } = parseArgs({
    args: Deno.args,
    options: {
      cases: { type: "string", default: "10000" },
      seed: { type: "string", default: "42" },
      concurrency: { type: "string", default: "4" },
    },
  });
  const report = await fuzzServer({
    cases: Number(values.cases),
    seed: Number(values.seed),
    concurrency: Number(values.concurrency),
  });
  console.log(JSON.stringify(report, null, 2));
  const bad = report.serverErrors + report.badErrorBodies + report.hangs + (report.crashed ? 1 : 0) +
    report.strayWrites.length;
  Deno.exit(bad === 0 ? 0 : 1);
}
