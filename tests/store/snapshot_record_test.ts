import assert from "node:assert/strict";
import { MAX_PREDICTOR_IN_EVENTS, tensorRecord, toSnapshotRecord } from "../../src/store/snapshot_record.ts";
import { snapshotOf } from "../operators/_snapshot.ts";

Deno.test("toSnapshotRecord() keeps small predictors, drops big ones, and serializes non-finite metrics as null", () => {
  const r = toSnapshotRecord(snapshotOf([1, 2], { metrics: { loss: Infinity, x: 1 }, message: "m" }));
  assert.deepEqual(r.predictor, { shape: [2], data: [1, 2] });
  assert.equal(r.message, "m");
  assert.equal(JSON.stringify(r.metrics), '{"loss":null,"x":1}');
  const big = toSnapshotRecord(snapshotOf(new Array(MAX_PREDICTOR_IN_EVENTS + 1).fill(0)));
  assert.equal(big.predictor, undefined);
  assert.deepEqual(tensorRecord({ shape: [1, 2], data: new Float64Array([3, 4]) }), { shape: [1, 2], data: [3, 4] });
});
