import { Hono } from "hono";
import type { SnapshotRecord } from "../store/snapshot_record.ts";
import { apiError } from "./api_error.ts";
import { admitRun, presetWithOverrides } from "./_admit_run.ts";
import { type AppContext, check, checkCapacity, isObject, jsonBody, knownRunId, storing } from "./_app_context.ts";
import { eventStream } from "./_event_stream.ts";
import { problemData } from "./_problem_data.ts";
import { recordsToCsv } from "./_records_to_csv.ts";
import { ExportQuerySchema, LastEventIdSchema, PresetRequestSchema } from "./_request_schemas.ts";

/**
 * `/api/runs`: start (a spec, or a preset with overrides), list, detail, point
 * data, stop, delete (ended runs only), export and event streams.
 */
// deno-lint-ignore explicit-module-boundary-types -- the inferred route types are what hc<AppType> reads
export function runRoutes(ctx: AppContext) {
  const { runner, limits } = ctx;
  return new Hono()
    .post("/", async (c) => {
      const body = await jsonBody(c);
      const raw = isObject(body) && "preset" in body
        ? (() => {
          const req = check(PresetRequestSchema, body);
          return presetWithOverrides(req.preset, req.overrides);
        })()
        : body;
      const run = admitRun(raw, limits);
      checkCapacity(ctx, 1);
      const id = storing(ctx, () => runner.start(run));
      return c.json({ id }, 201, { Location: `/api/runs/${id}` });
    })
    .get("/", (c) => c.json({ runs: runner.list() }))
    .get("/:id", (c) => {
      const id = knownRunId(ctx, c);
      const detail = runner.detail(id)!;
      return c.json({
        ...runner.summary(id)!,
        spec: detail.spec as Record<string, unknown>,
        final: detail.final,
        reference: detail.reference,
      });
    })
    .get("/:id/data", (c) => {
      const id = knownRunId(ctx, c);
      const data = problemData(runner.detail(id)!.spec);
      if (data === null) throw apiError(404, `Run ${id} has no point data (only linear classification has)`);
      if (data.n * data.d > limits.maxDataSize) {
        throw apiError(
          413,
          `The data of run ${id} has ${data.n * data.d} entries, over the limit ${limits.maxDataSize}`,
        );
      }
      return c.json(data);
    })
    .post("/:id/stop", (c) => {
      const id = knownRunId(ctx, c);
      if (!runner.stop(id)) {
        const s = runner.summary(id)!;
        throw apiError(409, `Run ${id} has already ended (${s.status}); only queued or running runs can be stopped`);
      }
      return c.json({ id, status: runner.summary(id)!.status }, 202);
    })
    .delete("/:id", (c) => {
      const id = knownRunId(ctx, c);
      if (!runner.remove(id)) {
        throw apiError(409, `Run ${id} is ${runner.summary(id)!.status}; stop it before deleting it`);
      }
      return c.json({ id, deleted: true as const });
    })
    .get("/:id/export", (c) => {
      const id = knownRunId(ctx, c);
      const { format } = check(ExportQuerySchema, c.req.query());
      const records = runner.store.events(id);
      if (format === "ndjson") {
        return c.body(textStream(records, (r) => JSON.stringify(r) + "\n"), 200, {
          "Content-Type": "application/x-ndjson; charset=utf-8",
          "Content-Disposition": `attachment; filename="${id}.ndjson"`,
        });
      }
      return c.body(textStream(csvChunks(records), (s) => s), 200, {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${id}.csv"`,
      });
    })
    .get("/:id/events", (c) => {
      const id = knownRunId(ctx, c);
      const header = c.req.header("last-event-id") ?? c.req.query("lastEventId");
      const after = header === undefined ? -1 : check(LastEventIdSchema, header, "Last-Event-ID");
      if (ctx.sseClients >= limits.maxSseClients) {
        throw apiError(
          429,
          `Too many event streams open (${ctx.sseClients}); this server allows ${limits.maxSseClients}`,
        );
      }
      ctx.sseClients++;
      return eventStream(c, { runner, id, after, heartbeatMs: ctx.heartbeatMs, onClose: () => ctx.sseClients-- });
    });
}

/** CSV of every record: the columns are the metrics in order of first appearance, so the records are read first. */
async function* csvChunks(records: AsyncIterable<SnapshotRecord>): AsyncIterable<string> {
  const all: SnapshotRecord[] = [];
  for await (const r of records) all.push(r);
  yield recordsToCsv(all);
}

/** An async iterable as a byte stream for a response body (read as the client reads). */
function textStream<T>(items: AsyncIterable<T>, toText: (item: T) => string): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const it = items[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await it.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(toText(value)));
    },
    async cancel() {
      await it.return?.();
    },
  });
}
