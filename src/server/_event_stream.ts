import type { Context } from "hono";
import { streamSSE } from "hono/streaming";
import { interval, map, merge, type Observable, takeWhile } from "rxjs";
import type { SnapshotRecord } from "../store/snapshot_record.ts";
import { FINAL_STATUSES, type RunStatus } from "../store/run_status.ts";
import type { RunEvent, Runner } from "./create_runner.ts";
import { queuedValues } from "./_queued_values.ts";

/** Options of {@link eventStream}. */
export interface EventStreamOptions {
  /** The runner that broadcasts live events (and whose store holds the history). */
  runner: Runner;
  /** The run. */
  id: string;
  /** The step of the last snapshot the client has (from `Last-Event-ID`), or -1. */
  after: number;
  /** Period of heartbeat comments, in ms. */
  heartbeatMs: number;
  /** Called once when the stream ends, for whatever reason. */
  onClose: () => void;
}

/** Events a slow client may fall behind by before its stream is closed. */
const MAX_PENDING = 10_000;

type Outgoing = RunEvent | { type: "heartbeat" };

/**
 * The Server-Sent Events of a run: every stored snapshot after `after` (read
 * from the store as it is sent), then live ones, each as `event: snapshot`
 * with `id: <step>`; `event: status` whenever the run's state changes (and
 * once after the history); `: heartbeat` comments every `heartbeatMs`. Ends
 * after a final status, or when the client leaves (its subscription is
 * dropped then).
 *
 * The live subscription (the run's Subject merged with the heartbeat) starts
 * before the history is read, and a snapshot is sent only if its step is after
 * the last one sent, so records written while the history is being read are
 * neither lost nor repeated.
 */
export function eventStream(c: Context, options: EventStreamOptions): Response {
  const { runner, id, heartbeatMs } = options;
  return streamSSE(c, async (stream) => {
    const live$: Observable<Outgoing> = merge(
      runner.live(id),
      interval(heartbeatMs).pipe(map((): Outgoing => ({ type: "heartbeat" }))),
    ).pipe(takeWhile((e) => !(e.type === "status" && FINAL_STATUSES.has(e.status)), true));
    const live = queuedValues(live$, MAX_PENDING);
    let finished = false;
    function finish(): void {
      if (finished) return;
      finished = true;
      live.close();
      options.onClose();
    }
    stream.onAbort(finish);
    let last = options.after;
    async function sendSnapshot(record: SnapshotRecord): Promise<void> {
      if (record.step <= last) return;
      last = record.step;
      await stream.writeSSE({ event: "snapshot", id: String(record.step), data: JSON.stringify(record) });
    }
    async function sendStatus(status: RunStatus, step: number, message?: string): Promise<void> {
      await stream.writeSSE({
        event: "status",
        data: JSON.stringify({ status, step, ...(message === undefined ? {} : { message }) }),
      });
    }
    try {
      await stream.write("retry: 2000\n\n");
      for await (const record of runner.store.events(id, { after: last })) {
        if (finished) return;
        await sendSnapshot(record);
      }
      const now = runner.summary(id)!;
      if (!live.pending.some((e) => e.type === "status")) {
        await sendStatus(now.status, now.step, now.message);
        if (FINAL_STATUSES.has(now.status)) return;
      }
      for await (const event of live) {
        if (event.type === "heartbeat") await stream.write(`: heartbeat ${new Date().toISOString()}\n\n`);
        else if (event.type === "snapshot") await sendSnapshot(event.record);
        else await sendStatus(event.status, event.step, event.message);
      }
    } finally {
      finish();
    }
  });
}
