import assert from "node:assert/strict";
import { testMse } from "../../src/operators/test_mse.ts";
import { metricsOf } from "./_apply.ts";
import { snapshotOf } from "./_snapshot.ts";

Deno.test("testMse() adds the held-out mean squared error", async () => {
  const test = { n: 2, d: 2, x: Float64Array.of(1, 0, 0, 1), y: Float64Array.of(1, 0) };
  assert.equal((await metricsOf(testMse(test), snapshotOf([2, 3]))).test_mse, (1 + 9) / 2);
});
