import { join } from "node:path";
import { parseEvents } from "../store/run_store.ts";
import type { SnapshotRecord } from "../store/snapshot_record.ts";

/** Reads a run's complete event lines without blocking the event loop (a torn last line is left out). */
export async function readEventsText(dir: string, id: string): Promise<string> {
  try {
    const text = await Deno.readTextFile(join(dir, id, "events.ndjson"));
    return text.slice(0, text.lastIndexOf("\n") + 1);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return "";
    throw e;
  }
}

/** A run's stored snapshot records, in order. */
export async function readEvents(dir: string, id: string): Promise<SnapshotRecord[]> {
  return parseEvents(await readEventsText(dir, id));
}
