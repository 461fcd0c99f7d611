import assert from "node:assert/strict";
import type { SnapshotRecord } from "../../src/store/snapshot_record.ts";
import { runSpectrum } from "../../src/viewer/run_spectrum.ts";
import { createRunTrace } from "../../src/viewer/run_trace.ts";

function rec(step: number, metrics: Record<string, number>, predictor?: { shape: number[]; data: number[] }) {
  return {
    type: "snapshot",
    run: "r",
    step,
    wall: 0,
    status: "running",
    trigger: "schedule",
    metrics,
    ...(predictor ? { predictor } : {}),
  } satisfies SnapshotRecord;
}

Deno.test("`runSpectrum()` reads sv_0, sv_1, … in index order, as matrix runs too large to carry predictors record them", () => {
  const trace = createRunTrace();
  for (const step of [1, 10, 100]) {
    // 12 values, listed by name (sv_0, sv_1, sv_10, sv_11, sv_2, …): σ comes out by index
    const entries = Array.from({ length: 12 }, (_, k) => [`sv_${k}`, (12 - k) / step] as const);
    trace.add(rec(step, Object.fromEntries(entries.sort((a, b) => (a[0] < b[0] ? -1 : 1)))));
  }
  const sv = runSpectrum(trace)!;
  assert.deepEqual(Array.from(sv.steps), [1, 10, 100]);
  assert.equal(sv.values.length, 12);
  assert.deepEqual(Array.from(sv.values[0]!), [12, 1.2, 0.12]);
  assert.deepEqual(Array.from(sv.values[11]!), [1, 0.1, 0.01]);
});

Deno.test("`runSpectrum()` falls back to the SVD of matrix predictors, and is null without either", () => {
  const trace = createRunTrace();
  trace.add(rec(1, { loss: 1 }, { shape: [2, 2], data: [0, 3, -2, 0] }));
  trace.add(rec(2, { loss: 1 }, { shape: [2, 2], data: [1, 0, 0, 5] }));
  const sv = runSpectrum(trace)!;
  assert.deepEqual(Array.from(sv.steps), [1, 2]);
  assert.deepEqual(sv.values.map((v) => Array.from(v)), [[3, 5], [2, 1]]);

  const vector = createRunTrace();
  vector.add(rec(1, { loss: 1 }, { shape: [2], data: [1, 2] }));
  assert.equal(runSpectrum(vector), null);
});
