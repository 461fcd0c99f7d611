import assert from "node:assert/strict";
import { toFinalRecord } from "../../src/store/final_record.ts";
import { snapshotOf } from "../operators/_snapshot.ts";

Deno.test("toFinalRecord() carries the reference, or null with the reason", () => {
  const s = snapshotOf([1, 1], { status: "done", step: 10, metrics: { loss: 1 } });
  const withRef = toFinalRecord(s, {
    kind: "max-margin-l2",
    predictor: { shape: [2], data: new Float64Array([0.5, 0.5]) },
    margin: Math.SQRT2,
  });
  assert.deepEqual(withRef.reference, { kind: "max-margin-l2", shape: [2], data: [0.5, 0.5], margin: Math.SQRT2 });
  assert.equal("reference_error" in withRef, false);
  const without = toFinalRecord(s, { kind: "max-margin-l2", predictor: null, error: "not separable" });
  assert.equal(without.reference, null);
  assert.equal(without.reference_error, "not separable");
  assert.equal(without.type, "final");
});
