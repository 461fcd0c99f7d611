import assert from "node:assert/strict";
import { withMetrics } from "../../src/operators/with_metrics.ts";
import { snapshotOf } from "./_snapshot.ts";

Deno.test("withMetrics() returns a new snapshot with merged metrics", () => {
  const s = snapshotOf([1], { metrics: { a: 1 } });
  const t = withMetrics(s, { b: 2, a: 3 });
  assert.deepEqual(t.metrics, { a: 3, b: 2 });
  assert.deepEqual(s.metrics, { a: 1 });
  assert.equal(t.predictor, s.predictor);
});
