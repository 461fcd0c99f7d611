import type { Context } from "hono";
import { streamSSE } from "hono/streaming";
import type { SnapshotRecord } from "../store/snapshot_record.ts";
import { FINAL_STATES, type RunEvent, type Runner, type RunState } from "./create_runner.ts";
import { readEvents } from "./_read_events.ts";

/** Options of {@link eventStream}. */
export interface EventStreamOptions {
  /** The runner that broadcasts live events. */
  runner: Runner;
  /** The run. */
  id: string;
  /** The step of the last snapshot the client has (from `Last-Event-ID`), or -1. */
  after: number;
  /** Period of heartbeat comments on an idle stream, in ms. */
  heartbeatMs: number;
  /** Called once when the stream ends, for whatever reason. */
  onClose: () => void;
}

/** Events a slow client may fall behind by before its stream is closed. */
const MAX_PENDING = 10_000;

/**
 * The Server-Sent Events of a run: every stored snapshot after `after`, then
 * live ones, each as `event: snapshot` with `id: <step>`; `event: status`
 * whenever the run's state changes (and once after the history); `: heartbeat`
 * comments while idle. Ends after a final status, or when the client leaves
 * (its subscription is dropped then).
 *
 * The live subscription starts before the history is read, and a snapshot is
 * sent only if its step is after the last one sent, so records written while
 * the history is being read are neither lost nor repeated.
 */
export function eventStream(c: Context, options: EventStreamOptions): Response {
  const { runner, id, heartbeatMs } = options;
  return streamSSE(c, async (stream) => {
    const pending: RunEvent[] = [];
    let wake: (() => void) | null = null;
    let closed = false;
    const unsubscribe = runner.subscribe(id, (event) => {
      pending.push(event);
      if (pending.length > MAX_PENDING) closed = true;
      wake?.();
    });
    let finished = false;
    function finish(): void {
      if (finished) return;
      finished = true;
      unsubscribe();
      options.onClose();
    }
    stream.onAbort(() => {
      closed = true;
      finish();
      wake?.();
    });
    let last = options.after;
    async function sendSnapshot(record: SnapshotRecord): Promise<void> {
      if (record.step <= last) return;
      last = record.step;
      await stream.writeSSE({ event: "snapshot", id: String(record.step), data: JSON.stringify(record) });
    }
    async function sendStatus(status: RunState, step: number, message?: string): Promise<void> {
      await stream.writeSSE({
        event: "status",
        data: JSON.stringify({ status, step, ...(message === undefined ? {} : { message }) }),
      });
    }
    try {
      await stream.write("retry: 2000\n\n");
      for (const record of await readEvents(runner.store.dir, id)) {
        if (closed) return;
        await sendSnapshot(record);
      }
      const now = runner.summary(id)!;
      if (!pending.some((e) => e.type === "status")) {
        await sendStatus(now.status, now.step, now.message);
        if (FINAL_STATES.has(now.status)) return;
      }
      while (!closed) {
        if (pending.length === 0) {
          const idle = await new Promise<boolean>((resolve) => {
            const timer = setTimeout(() => resolve(true), heartbeatMs);
            wake = () => {
              clearTimeout(timer);
              resolve(false);
            };
          });
          wake = null;
          if (idle && !closed) await stream.write(`: heartbeat ${new Date().toISOString()}\n\n`);
          continue;
        }
        const event = pending.shift()!;
        if (event.type === "snapshot") {
          await sendSnapshot(event.record);
        } else {
          await sendStatus(event.status, event.step, event.message);
          if (FINAL_STATES.has(event.status)) return;
        }
      }
    } finally {
      finish();
    }
  });
}
