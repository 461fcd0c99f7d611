import { resolve } from "node:path";
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { z } from "zod";
import { presets } from "../presets/presets.ts";
import { runSpecJsonSchema } from "../run/json_schema.ts";
import { toSpecIssue } from "../run/spec_parser.ts";
import { SpecError } from "../spec/spec_error.ts";
import { setAtPath } from "../spec/set_at_path.ts";
import type { RunStore } from "../store/run_store.ts";
import { ApiError } from "./api_error.ts";
import type { Runner } from "./create_runner.ts";
import { resolveLimits, type ServerLimits } from "./server_limits.ts";
import type { ViewerAssets } from "./load_viewer_assets.ts";
import { admitSpec, presetWithOverrides } from "./_admit_spec.ts";
import { eventStream } from "./_event_stream.ts";
import { problemData } from "./_problem_data.ts";
import { readEvents, readEventsText } from "./_read_events.ts";
import { recordsToCsv } from "./_records_to_csv.ts";
import {
  ExportQuerySchema,
  LastEventIdSchema,
  PresetRequestSchema,
  RunIdSchema,
  SweepRequestSchema,
} from "./_request_schemas.ts";

/** Options of {@link createApp}. */
export interface AppOptions {
  /** The run store that events and exports are read from (default: the runner's; another directory is an error). */
  store?: RunStore;
  /** Trains, queues and tracks the runs (its store holds them). */
  runner: Runner;
  /** Limits on requests (defaults: {@link DEFAULT_LIMITS}). */
  limits?: Partial<ServerLimits>;
  /** When set, every `/api` request must carry it (`Authorization: Bearer …` or `?token=`). */
  token?: string;
  /** The bundled viewer, served at `/` (without it `/` answers 503). */
  viewer?: ViewerAssets;
  /** Period of heartbeat comments on idle event streams, in ms (default 15000). */
  heartbeatMs?: number;
}

/**
 * The biasflow HTTP API and viewer as a Hono app: JSON endpoints under `/api`
 * (every input validated by zod, every error `{ error, issues }`), run events
 * as Server-Sent Events with resume from `Last-Event-ID`, and the viewer at
 * `/`. Serve it with `Deno.serve(app.fetch)`; test it with `app.request`.
 *
 * @param options The store, runner, limits, token and viewer.
 * @returns The app.
 * @throws {TypeError} when `store` is not the directory the runner writes to.
 *
 * @example Usage
 * ```ts
 * import { createApp } from "./create_app.ts";
 * import { createRunner } from "./create_runner.ts";
 * import { createRunStore } from "../store/run_store.ts";
 * import assert from "node:assert/strict";
 *
 * const store = createRunStore(await Deno.makeTempDir());
 * const runner = createRunner({ store });
 * const app = createApp({ store, runner, limits: { maxSteps: 1e6 } });
 * const res = await app.request("/api/presets");
 * assert.equal(res.status, 200);
 * runner.close();
 * ```
 */
export function createApp(options: AppOptions): Hono {
  const { runner } = options;
  const store = options.store ?? runner.store;
  if (resolve(store.dir) !== resolve(runner.store.dir)) {
    throw new TypeError(
      `Expected store to be the runner's (${runner.store.dir}) but found a store of ${store.dir}: the app would read events the runner does not write`,
    );
  }
  const limits = resolveLimits(options.limits);
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  let sseClients = 0;
  const app = new Hono();

  app.onError((err, c) => {
    if (err instanceof ApiError) return c.json(err.body(), err.status);
    if (err instanceof SpecError) return c.json({ error: err.message, issues: err.issues }, 400);
    console.error(err);
    return c.json({ error: `Internal error: ${err.message}`, issues: [] }, 500);
  });
  app.notFound((c) => c.json({ error: `Not found: ${c.req.method} ${new URL(c.req.url).pathname}`, issues: [] }, 404));

  if (options.token !== undefined) {
    const expected = options.token;
    app.use("/api/*", async (c, next) => {
      const header = c.req.header("authorization");
      const given = header?.startsWith("Bearer ") ? header.slice(7) : c.req.query("token");
      if (given === undefined || !sameSecret(given, expected)) {
        throw new ApiError(401, "Missing or wrong token: send Authorization: Bearer <token> or ?token=<token>");
      }
      await next();
    });
  }

  app.use(
    "/api/*",
    bodyLimit({
      maxSize: limits.maxBodyBytes,
      onError: () => {
        throw new ApiError(413, `The request body is larger than this server's limit of ${limits.maxBodyBytes} bytes`);
      },
    }),
  );

  app.get("/api/presets", (c) =>
    c.json({
      presets: Object.entries(presets()).map(([name, p]) => ({
        name,
        description: p.description,
        source: p.source,
        spec: p.spec,
      })),
    }));

  app.get("/api/schema", (c) => c.json(runSpecJsonSchema()));

  app.get("/api/limits", (c) => c.json(limits));

  app.post("/api/runs", async (c) => {
    const body = await jsonBody(c);
    const raw = isObject(body) && "preset" in body
      ? (() => {
        const req = check(PresetRequestSchema, body);
        return presetWithOverrides(req.preset, req.overrides);
      })()
      : body;
    const run = admitSpec(raw, limits);
    checkCapacity(1);
    const id = runner.start(run);
    return c.json({ id }, 201, { Location: `/api/runs/${id}` });
  });

  app.post("/api/sweeps", async (c) => {
    const req = check(SweepRequestSchema, await jsonBody(c));
    if (req.values.length > limits.maxSweepValues) {
      throw new ApiError(
        422,
        `The sweep has ${req.values.length} values; this server allows at most ${limits.maxSweepValues}`,
        [
          { path: "values", message: `Expected at most ${limits.maxSweepValues} values`, input: req.values.length },
        ],
      );
    }
    const base = req.preset !== undefined ? presetWithOverrides(req.preset, req.overrides) : req.spec;
    const runs = req.values.map((value, i) => {
      let spec: unknown;
      try {
        spec = setAtPath(base, req.path, value);
      } catch (e) {
        throw new ApiError(400, (e as Error).message, [{
          path: "path",
          message: (e as Error).message,
          input: req.path,
        }]);
      }
      try {
        return admitSpec(spec, limits);
      } catch (e) {
        if (e instanceof ApiError) {
          throw new ApiError(e.status, `values[${i}] = ${JSON.stringify(value)}: ${e.message}`, e.issues);
        }
        throw e;
      }
    });
    checkCapacity(runs.length);
    const ids = runs.map((run, i) => runner.start(run, { sweep: { path: req.path, value: req.values[i] } }));
    return c.json({ ids }, 201);
  });

  app.get("/api/runs", (c) => c.json({ runs: runner.list() }));

  app.get("/api/runs/:id", (c) => {
    const id = runId(c);
    const detail = runner.detail(id)!;
    return c.json({ ...runner.summary(id)!, spec: detail.spec, final: detail.final, reference: detail.reference });
  });

  app.get("/api/runs/:id/data", (c) => {
    const id = runId(c);
    const data = problemData(runner.detail(id)!.spec);
    if (data === null) throw new ApiError(404, `Run ${id} has no point data (only linear classification has)`);
    if (data.n * data.d > limits.maxDataSize) {
      throw new ApiError(
        413,
        `The data of run ${id} has ${data.n * data.d} entries, over the limit ${limits.maxDataSize}`,
      );
    }
    return c.json(data);
  });

  app.post("/api/runs/:id/stop", (c) => {
    const id = runId(c);
    if (!runner.stop(id)) {
      const s = runner.summary(id)!;
      throw new ApiError(409, `Run ${id} has already ended (${s.status}); only queued or running runs can be stopped`);
    }
    return c.json({ id, status: runner.summary(id)!.status }, 202);
  });

  app.delete("/api/runs/:id", (c) => {
    const id = runId(c);
    if (!runner.remove(id)) {
      const s = runner.summary(id)!;
      throw new ApiError(409, `Run ${id} is ${s.status}; stop it before deleting it`);
    }
    return c.json({ id, deleted: true });
  });

  app.get("/api/runs/:id/export", async (c) => {
    const id = runId(c);
    const { format } = check(ExportQuerySchema, c.req.query());
    if (format === "ndjson") {
      return c.body(await readEventsText(store.dir, id), 200, {
        "Content-Type": "application/x-ndjson; charset=utf-8",
        "Content-Disposition": `attachment; filename="${id}.ndjson"`,
      });
    }
    return c.body(recordsToCsv(await readEvents(store.dir, id)), 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${id}.csv"`,
    });
  });

  app.get("/api/runs/:id/events", (c) => {
    const id = runId(c);
    const header = c.req.header("last-event-id") ?? c.req.query("lastEventId");
    const after = header === undefined ? -1 : check(LastEventIdSchema, header, "Last-Event-ID");
    if (sseClients >= limits.maxSseClients) {
      throw new ApiError(
        429,
        `Too many event streams open (${sseClients}); this server allows ${limits.maxSseClients}`,
      );
    }
    sseClients++;
    return eventStream(c, { runner, id, after, heartbeatMs, onClose: () => sseClients-- });
  });

  app.all("/api/*", (c) => {
    throw new ApiError(404, `Not found: ${c.req.method} ${new URL(c.req.url).pathname}`);
  });

  const viewer = options.viewer;
  function asset(body: string | undefined, type: string) {
    return (c: Context) =>
      body === undefined
        ? c.json({ error: "The viewer was not bundled for this server", issues: [] }, 503)
        : c.body(body, 200, { "Content-Type": type, "Cache-Control": "no-cache" });
  }
  app.get("/", asset(viewer?.html, "text/html; charset=utf-8"));
  app.get("/viewer.js", asset(viewer?.js, "text/javascript; charset=utf-8"));
  app.get("/viewer.css", asset(viewer?.css, "text/css; charset=utf-8"));

  function checkCapacity(count: number): void {
    const free = limits.maxConcurrentRuns - runner.running + limits.maxQueuedRuns - runner.queued;
    if (count > free) {
      throw new ApiError(
        429,
        `Too many runs: ${runner.running} running and ${runner.queued} queued; this server takes ${limits.maxConcurrentRuns} at once and queues ${limits.maxQueuedRuns} (asked for ${count} more)`,
      );
    }
  }

  function runId(c: Context): string {
    const id = check(RunIdSchema, c.req.param("id"), "id");
    if (runner.summary(id) === null) throw new ApiError(404, `Unknown run ${JSON.stringify(id)}`);
    return id;
  }

  return app;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

async function jsonBody(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === "") throw new ApiError(400, "The request body is empty; send JSON");
  try {
    return JSON.parse(text);
  } catch (e) {
    const message = `The request body is not valid JSON: ${(e as Error).message}`;
    throw new ApiError(400, message, [{ path: "", message }]);
  }
}

function check<T extends z.ZodType>(schema: T, input: unknown, prefix = ""): z.output<T> {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => {
    const i = toSpecIssue(issue);
    return { ...i, path: prefix === "" ? i.path : i.path === "" ? prefix : `${prefix}.${i.path}` };
  });
  const first = issues[0]!;
  throw new ApiError(400, `Invalid request${first.path === "" ? "" : ` at ${first.path}`}: ${first.message}`, issues);
}

function sameSecret(a: string, b: string): boolean {
  const x = new TextEncoder().encode(a), y = new TextEncoder().encode(b);
  let diff = x.length ^ y.length;
  for (let i = 0; i < Math.max(x.length, y.length); i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}
