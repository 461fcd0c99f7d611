import assert from "node:assert/strict";
import { gradNorm } from "../../src/operators/grad_norm.ts";
import { metricsOf } from "./_apply.ts";
import { snapshotOf } from "./_snapshot.ts";

Deno.test("gradNorm() copies the engine's gradient norm into metrics.grad_norm", async () => {
  assert.deepEqual(await metricsOf(gradNorm(), snapshotOf([1], { gradNorm: 3 })), { grad_norm: 3 });
});
