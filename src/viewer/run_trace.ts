import type { SnapshotRecord, TensorRecord } from "../store/snapshot_record.ts";

/** One run's records as columns, for charts: steps, each metric, and the small predictors. */
export interface RunTrace {
  /** Steps of the records, ascending. */
  readonly steps: number[];
  /** Per metric, one value per step (NaN where a record lacks it or it was not finite). */
  readonly metrics: Map<string, number[]>;
  /** The predictors that records carried, with their steps. */
  readonly predictors: { step: number; predictor: TensorRecord }[];
  /** Appends a record; one at or before the last step is ignored (a resumed stream never repeats). */
  add(record: SnapshotRecord): boolean;
}

/**
 * An empty {@link RunTrace}: columns grow as records arrive, so a chart
 * update reads arrays instead of re-walking records.
 *
 * This module is browser compatible.
 *
 * @returns The trace.
 *
 * @example Usage
 * ```ts
 * import { createRunTrace } from "./run_trace.ts";
 * import assert from "node:assert/strict";
 *
 * const t = createRunTrace();
 * t.add({ type: "snapshot", run: "r", step: 0, wall: 0, status: "running", trigger: "schedule", metrics: { loss: 1 } });
 * t.add({ type: "snapshot", run: "r", step: 5, wall: 0, status: "running", trigger: "schedule", metrics: { loss: 0.5, norm: 2 } });
 * assert.deepEqual(t.metrics.get("norm"), [NaN, 2]);
 * ```
 */
export function createRunTrace(): RunTrace {
  const steps: number[] = [];
  const metrics = new Map<string, number[]>();
  const predictors: { step: number; predictor: TensorRecord }[] = [];
  return {
    steps,
    metrics,
    predictors,
    add(record) {
      if (steps.length > 0 && record.step <= steps.at(-1)!) return false;
      const i = steps.length;
      steps.push(record.step);
      for (const [name, value] of Object.entries(record.metrics)) {
        let col = metrics.get(name);
        if (!col) metrics.set(name, col = new Array<number>(i).fill(NaN));
        col.push(typeof value === "number" && Number.isFinite(value) ? value : NaN);
      }
      for (const col of metrics.values()) if (col.length === i) col.push(NaN);
      if (record.predictor) predictors.push({ step: record.step, predictor: record.predictor });
      return true;
    },
  };
}
