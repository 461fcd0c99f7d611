import { type Context, Hono } from "hono";
import { z } from "zod";
import { join } from "node:path";
import { type CompiledRun, compileRun } from "../run/compile_run.ts";
import { apiError } from "./api_error.ts";
import type { RunFeed, Runner } from "./create_runner.ts";
import type { ServerLimits } from "./server_limits.ts";
import { admitRun } from "./_admit_run.ts";
import { check, isObject, jsonBody } from "./_app_context.ts";
import { readExternalFile, writeExternalFile } from "./_external_file.ts";
import type { FromExternalWorker, ToExternalWorker } from "./_external_protocol.ts";
import { parseRecords, type RecordShape } from "./_external_records.ts";
import { RunIdSchema } from "./_request_schemas.ts";

/** Options of {@link createExternalRuns}. */
export interface ExternalRunsOptions {
  /** The runner that lists, stores and broadcasts the runs. */
  runner: Runner;
  /** The server's limits (`maxSteps`, `maxDataSize`, `maxExternalRuns`, `externalIdleMs`). */
  limits: ServerLimits;
  /** The Worker module (default: the server's `_external_worker.ts`). */
  workerUrl?: URL;
}

/** External runs: runs whose training loop is the user's own, logged over HTTP. */
export interface ExternalRuns {
  /**
   * `POST /` with `{ external: true, … }` (other bodies pass on to the next
   * handler), `POST /:id/records` and `POST /:id/finish`: mount under
   * `/api/runs` before the other run routes.
   */
  readonly routes: Hono;
  /** External runs with a live analysis Worker now. */
  readonly active: number;
}

/** `POST /api/runs` for an external run. */
const CreateSchema = z.strictObject({
  external: z.literal(true),
  spec: z.record(z.string(), z.unknown()),
  name: z.string().min(1).max(100).optional(),
  config: z.record(z.string(), z.unknown()).optional(),
});

/** `POST /api/runs/:id/finish`. */
const FinishSchema = z.strictObject({
  status: z.enum(["done", "failed", "stopped"]),
  message: z.string().max(2000).optional(),
});

interface Live {
  id: string;
  feed: RunFeed;
  worker: Worker;
  shape: RecordShape;
  /** Step of the last record accepted (stored or on its way). */
  lastStep: number;
  /** Records accepted (stored or on their way). */
  records: number;
  /** Wall of the last stored record when this activation began, and when it began (ms). */
  wallBase: number;
  activated: number;
  nextBatch: number;
  acks: Map<number, { resolve: () => void; reject: (e: Error) => void }>;
  chain: Promise<unknown>;
  inflight: number;
  idle?: ReturnType<typeof setTimeout>;
  ended: boolean;
}

/**
 * External runs over HTTP: the user's own training loop (PyTorch, NumPy, a
 * Deno Observable) creates a run with `POST /api/runs` `{ external: true,
 * spec, name?, config? }`, sends records with `POST /api/runs/:id/records`
 * and ends it with `POST /api/runs/:id/finish`. Each record goes through the
 * run's default analysis pipeline in a Worker (against the reference solved
 * once when the run starts), then is stored and broadcast by the runner
 * exactly like an internal run's snapshot. Records at or below the last
 * stored step are ignored (client retries are safe); a run that sends nothing
 * for `externalIdleMs` is marked `interrupted`, and resumes when records come
 * again (also after a server restart).
 *
 * @param options The runner and limits.
 * @returns The handlers to mount.
 *
 * @example Usage
 * ```ts
 * import { createApp } from "./create_app.ts";
 * import { createRunner } from "./create_runner.ts";
 * import { createRunStore } from "../store/run_store.ts";
 * import assert from "node:assert/strict";
 *
 * const runner = createRunner({ store: createRunStore(await Deno.makeTempDir()) });
 * const app = createApp({ runner });
 * const post = (path: string, body: unknown) =>
 *   app.request(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
 * const spec = { problem: { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } } };
 * const { id } = await (await post("/api/runs", { external: true, spec, name: "mine" })).json();
 * const res = await post(`/api/runs/${id}/records`, { records: [{ step: 1, predictor: { shape: [2], data: [1, 1] } }] });
 * assert.equal(res.status, 200);
 * assert.equal((await post(`/api/runs/${id}/finish`, { status: "done" })).status, 200);
 * assert.equal(runner.summary(id)!.status, "done");
 * assert.ok(Math.abs(runner.summary(id)!.metrics.cos_ref! - 1) < 1e-12);
 * runner.close();
 * ```
 */
export function createExternalRuns(options: ExternalRunsOptions): ExternalRuns {
  const { runner, limits } = options;
  const workerUrl = options.workerUrl ?? new URL("./_external_worker.ts", import.meta.url);
  const live = new Map<string, Live>();
  const routes = new Hono();

  function activate(
    resume: string | undefined,
    compiled: CompiledRun,
    name: string,
    config: Record<string, unknown>,
  ): Live {
    if (live.size >= limits.maxExternalRuns) {
      throw apiError(
        429,
        `Too many external runs active (${live.size}); this server allows ${limits.maxExternalRuns} at once`,
      );
    }
    const problem = compiled.problem;
    const shape: RecordShape = {
      predictorShape: problem.predictor(compiled.init).shape,
      paramsSize: problem.size,
      maxSteps: limits.maxSteps,
    };
    let id = resume ?? "";
    let feed: RunFeed;
    try {
      feed = runner.open(compiled.spec, {
        name,
        steps: compiled.spec.steps,
        external: { config },
        ...(resume === undefined ? {} : { resume }),
        onStop: () => {
          deactivate(id);
          feed.end("stopped", `Stopped by request at step ${runner.summary(id)?.step ?? 0}`);
        },
        onClose: () => deactivate(id),
      });
    } catch (e) {
      throw apiError(503, `Cannot store the run in ${runner.store.dir}: ${(e as Error).message}; nothing was started`);
    }
    id = feed.id;
    const events = resume === undefined ? [] : runner.store.read(id).events;
    const stored = events.at(-1);
    const worker = new Worker(workerUrl, { type: "module", name: `external run ${id}` });
    const entry: Live = {
      id,
      feed,
      worker,
      shape,
      lastStep: stored?.step ?? -1,
      records: events.length,
      wallBase: stored?.wall ?? 0,
      activated: performance.now(),
      nextBatch: 0,
      acks: new Map(),
      chain: Promise.resolve(),
      inflight: 0,
      ended: false,
    };
    worker.onmessage = (e: MessageEvent<FromExternalWorker>) => onMessage(entry, e.data);
    worker.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      fail(entry, e.message);
    };
    const start: ToExternalWorker = { type: "start", id, spec: compiled.spec, ...(stored ? { last: stored } : {}) };
    worker.postMessage(start);
    live.set(id, entry);
    armIdle(entry);
    return entry;
  }

  function onMessage(entry: Live, msg: FromExternalWorker): void {
    if (entry.ended) return;
    if (msg.type === "ack") {
      const ack = entry.acks.get(msg.batch);
      entry.acks.delete(msg.batch);
      if (msg.error === undefined) ack?.resolve();
      else fail(entry, msg.error);
      return;
    }
    if (msg.type === "failed") {
      fail(entry, msg.message);
      return;
    }
    entry.feed.records.next(msg);
    if (msg.type === "final") {
      // The finish request's batch: answered once the final record is stored.
      for (const ack of entry.acks.values()) ack.resolve();
      entry.acks.clear();
      deactivate(entry.id);
    }
  }

  function fail(entry: Live, message: string): void {
    if (entry.ended) return;
    const text = `The analysis of this external run failed: ${message}`;
    deactivate(entry.id, apiError(409, text));
    entry.feed.end("failed", text);
  }

  function deactivate(id: string, error?: Error): void {
    const entry = live.get(id);
    if (!entry) return;
    live.delete(id);
    entry.ended = true;
    if (entry.idle !== undefined) clearTimeout(entry.idle);
    entry.worker.terminate();
    const why = error ?? apiError(409, `Run ${id} has ended (${runner.summary(id)?.status ?? "unknown"})`);
    for (const ack of entry.acks.values()) ack.reject(why);
    entry.acks.clear();
  }

  function armIdle(entry: Live): void {
    if (entry.idle !== undefined) clearTimeout(entry.idle);
    delete entry.idle;
    if (entry.inflight > 0 || entry.ended) return;
    entry.idle = setTimeout(() => {
      if (entry.ended || entry.inflight > 0) return;
      deactivate(entry.id);
      entry.feed.interrupt(
        `No records for ${limits.externalIdleMs / 1000} s; the run resumes when its client sends more`,
      );
    }, limits.externalIdleMs);
  }

  function send(entry: Live, msg: ToExternalWorker & { batch: number }): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      entry.acks.set(msg.batch, { resolve, reject });
      entry.worker.postMessage(msg);
    });
  }

  /** Runs `task` after the run's earlier requests, with the idle timer paused. */
  async function serially<T>(entry: Live, task: () => Promise<T>): Promise<T> {
    entry.inflight++;
    if (entry.idle !== undefined) clearTimeout(entry.idle);
    const turn = entry.chain.then(task);
    entry.chain = turn.catch(() => {});
    try {
      return await turn;
    } finally {
      entry.inflight--;
      armIdle(entry);
    }
  }

  /** The live state of an external run, resuming an interrupted one. */
  function liveRun(c: Context): Live {
    const id = check(RunIdSchema, c.req.param("id"), "id");
    const summary = runner.summary(id);
    if (summary === null) throw apiError(404, `Unknown run ${JSON.stringify(id)}`);
    const current = live.get(id);
    if (current) return current;
    const external = readExternalFile(join(runner.store.dir, id));
    if (!summary.external || external === null) {
      throw apiError(409, `Run ${id} is not an external run; only external runs take records`);
    }
    if (summary.status !== "interrupted") {
      throw apiError(409, `Run ${id} has ended (${summary.status}); it takes no more records`);
    }
    return activate(id, compileRun(runner.detail(id)!.spec), external.name, external.config);
  }

  routes.post("/", async (c, next) => {
    const body = await jsonBody(c);
    if (!(isObject(body) && body.external === true)) return await next(); // a run for the server to train
    const req = check(CreateSchema, body);
    const raw = { ...req.spec };
    raw.steps ??= limits.maxSteps;
    const compiled = admitRun(raw, limits);
    const spec = compiled.spec;
    const name = req.name ?? spec.name ?? `external ${spec.problem.kind}`;
    const config = req.config ?? {};
    const { id } = activate(undefined, compiled, name, config);
    writeExternalFile(join(runner.store.dir, id), { name, config });
    return c.json({ id }, 201, { Location: `/api/runs/${id}` });
  });

  routes.post("/:id/records", async (c) => {
    const body = await jsonBody(c);
    const entry = liveRun(c);
    return await serially(entry, async () => {
      if (entry.ended) throw apiError(409, `Run ${entry.id} has ended; it takes no more records`);
      const wallNow = entry.wallBase + (performance.now() - entry.activated) / 1000;
      const records = parseRecords(body, entry.shape, Math.round(wallNow * 1e6) / 1e6);
      const fresh = records.filter((r) => r.step > entry.lastStep);
      if (entry.records + fresh.length > limits.maxExternalRecords) {
        throw apiError(
          422,
          `Run ${entry.id} would store ${
            entry.records + fresh.length
          } records; this server keeps at most ${limits.maxExternalRecords} per external run (thin them by the log schedule)`,
          [{
            path: "records",
            message: `Expected at most ${limits.maxExternalRecords} records per run`,
            input: fresh.length,
          }],
        );
      }
      if (fresh.length > 0) {
        entry.lastStep = fresh.at(-1)!.step;
        entry.records += fresh.length;
        await send(entry, { type: "records", batch: entry.nextBatch++, records: fresh });
      }
      return c.json({
        id: entry.id,
        accepted: fresh.length,
        ignored: records.length - fresh.length,
        step: entry.lastStep,
      });
    });
  });

  routes.post("/:id/finish", async (c) => {
    const req = check(FinishSchema, await jsonBody(c));
    const id = check(RunIdSchema, c.req.param("id"), "id");
    const before = runner.summary(id);
    if (before !== null && before.external && before.status === req.status) {
      return c.json({ id, status: before.status }); // a retried finish whose answer was lost
    }
    const entry = liveRun(c);
    return await serially(entry, async () => {
      if (entry.ended) throw apiError(409, `Run ${id} has ended (${runner.summary(id)!.status})`);
      if (req.status === "failed" || (req.status === "stopped" && entry.lastStep < 0)) {
        const message = req.message ??
          (req.status === "failed" ? "The client reported a failure" : "Stopped by its client");
        deactivate(id);
        entry.feed.end(req.status, message);
      } else {
        if (entry.lastStep < 0) {
          throw apiError(
            409,
            `Run ${id} has no records; send records before finishing it done, or finish it failed`,
          );
        }
        await send(entry, {
          type: "finish",
          batch: entry.nextBatch++,
          status: req.status,
          ...(req.message === undefined ? {} : { message: req.message }),
        });
      }
      return c.json({ id, status: runner.summary(id)!.status });
    });
  });

  return {
    routes,
    get active() {
      return live.size;
    },
  };
}
