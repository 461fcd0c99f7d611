import assert from "node:assert/strict";
import type { SnapshotRecord } from "../../src/store/snapshot_record.ts";
import { createRunTrace } from "../../src/viewer/run_trace.ts";

function rec(step: number, metrics: Record<string, number | null>, predictor?: number[]): SnapshotRecord {
  return {
    type: "snapshot",
    run: "r",
    step,
    wall: 0,
    status: "running",
    trigger: "schedule",
    metrics: metrics as Record<string, number>,
    ...(predictor ? { predictor: { shape: [predictor.length], data: predictor } } : {}),
  };
}

Deno.test("`createRunTrace()` keeps metric columns aligned with the steps, NaN for gaps and nulls", () => {
  const t = createRunTrace();
  t.add(rec(0, { loss: 1 }));
  t.add(rec(1, { loss: null, norm: 3 }));
  t.add(rec(2, { norm: 4 }));
  assert.deepEqual(t.steps, [0, 1, 2]);
  assert.deepEqual(t.metrics.get("loss"), [1, NaN, NaN]);
  assert.deepEqual(t.metrics.get("norm"), [NaN, 3, 4]);
});

Deno.test("`createRunTrace()` ignores records at or before the last step and collects predictors", () => {
  const t = createRunTrace();
  assert.equal(t.add(rec(10, { loss: 1 }, [1, 2])), true);
  assert.equal(t.add(rec(10, { loss: 2 })), false);
  assert.equal(t.add(rec(3, { loss: 2 })), false);
  assert.deepEqual(t.metrics.get("loss"), [1]);
  assert.deepEqual(t.predictors, [{ step: 10, predictor: { shape: [2], data: [1, 2] } }]);
});
