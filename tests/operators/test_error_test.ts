import assert from "node:assert/strict";
import { testError } from "../../src/operators/test_error.ts";
import { metricsOf } from "./_apply.ts";
import { snapshotOf } from "./_snapshot.ts";

Deno.test("testError() adds the sign error of β, or the argmax error of W with classes", async () => {
  const binary = { n: 4, d: 2, x: Float64Array.of(1, 0, 0, 1, -1, 0, 1, 1), y: Float64Array.of(1, 1, -1, -1) };
  assert.equal((await metricsOf(testError(binary), snapshotOf([1, 1]))).test_error, 0.25);
  const multi = { n: 3, d: 2, x: Float64Array.of(2, 1, 1, 2, 1, 1), y: Float64Array.of(0, 1, 1) };
  const w = snapshotOf([1, 0, 0, 1]); // a 2×2 W scoring class c by coordinate c
  assert.equal((await metricsOf(testError(multi, { classes: 2 }), w)).test_error, 1 / 3);
});
