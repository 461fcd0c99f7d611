import type { Tensor } from "../math/tensor.ts";
import type { Snapshot, SnapshotStatus, SnapshotTrigger } from "../engine/snapshot.ts";

/** A tensor as JSON. */
export interface TensorRecord {
  /** Extent of each axis. */
  shape: number[];
  /** Row-major entries. */
  data: number[];
}

/** One line of `--json` output and of `events.ndjson`: a snapshot without its bulky state. */
export interface SnapshotRecord {
  /** Always `snapshot`. */
  type: "snapshot";
  /** The run's id. */
  run: string;
  /** Steps taken. */
  step: number;
  /** Seconds since the run started. */
  wall: number;
  /** Run status at this snapshot. */
  status: SnapshotStatus;
  /** Why it was taken. */
  trigger: SnapshotTrigger;
  /** The metrics (non-finite values become null in JSON). */
  metrics: Record<string, number>;
  /** The predictor, when it has at most `maxPredictor` entries. */
  predictor?: TensorRecord;
  /** Why the run diverged or stopped. */
  message?: string;
  /** The swept field and value, for runs of a sweep. */
  sweep?: { path: string; value: unknown };
}

/** Predictors up to this many entries are kept in each event (2-D separators, small matrices). */
export const MAX_PREDICTOR_IN_EVENTS = 256;

/**
 * A tensor as plain JSON.
 *
 * @param t The tensor.
 * @returns `{ shape, data }` with a plain array.
 *
 * @example Usage
 * ```ts
 * import { tensorRecord } from "./snapshot_record.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(tensorRecord({ shape: [2], data: new Float64Array([1, 2]) }), { shape: [2], data: [1, 2] });
 * ```
 */
export function tensorRecord(t: Tensor): TensorRecord {
  return { shape: [...t.shape], data: Array.from(t.data) };
}

/**
 * The JSON record of a snapshot.
 *
 * @param s The snapshot.
 * @param options `maxPredictor`: largest predictor kept in the record (default 256).
 * @returns The record.
 *
 * @example Usage
 * ```ts ignore
 * console.log(JSON.stringify(toSnapshotRecord(snapshot)));
 * ```
 */
export function toSnapshotRecord(s: Snapshot, options: { maxPredictor?: number } = {}): SnapshotRecord {
  const max = options.maxPredictor ?? MAX_PREDICTOR_IN_EVENTS;
  return {
    type: "snapshot",
    run: s.run,
    step: s.step,
    wall: Math.round(s.wall * 1e6) / 1e6,
    status: s.status,
    trigger: s.trigger,
    metrics: { ...s.metrics },
    ...(s.predictor.data.length <= max ? { predictor: tensorRecord(s.predictor) } : {}),
    ...(s.message === undefined ? {} : { message: s.message }),
    ...(s.sweep === undefined ? {} : { sweep: { ...s.sweep } }),
  };
}
