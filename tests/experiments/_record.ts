import assert from "node:assert/strict";
import { filter, lastValueFrom, toArray } from "rxjs";
import { analyze } from "../../src/run/analyze.ts";
import { train } from "../../src/streams/train.ts";
import type { Snapshot } from "../../src/engine/snapshot.ts";

/** Trains a spec with the default analysis on the CPU and keeps its scheduled snapshots, by step. */
export async function record(spec: Record<string, unknown>, perDecade = 1): Promise<Map<number, Snapshot>> {
  const run = { ...spec, backend: "cpu", record: { perDecade, everyMs: 0 } };
  const snaps = await lastValueFrom(train(run).pipe(analyze(run), filter((s) => s.trigger !== "heartbeat"), toArray()));
  return new Map(snaps.map((s) => [s.step, s]));
}

/** The snapshot at step t (which must be on the schedule). */
export function at(m: Map<number, Snapshot>, t: number): Snapshot {
  const s = m.get(t);
  assert.ok(s, `a snapshot at step ${t}`);
  return s;
}

/** The last snapshot of a run. */
export function last(m: Map<number, Snapshot>): Snapshot {
  return at(m, Math.max(...m.keys()));
}
