import assert from "node:assert/strict";
import { loss } from "../../src/operators/loss.ts";
import { metricsOf } from "./_apply.ts";
import { snapshotOf } from "./_snapshot.ts";

Deno.test("loss() copies the engine's float64 loss into metrics.loss", async () => {
  assert.deepEqual(await metricsOf(loss(), snapshotOf([1], { loss: 0.125 })), { loss: 0.125 });
});
