import assert from "node:assert/strict";
import { lastValueFrom, of } from "rxjs";
import { gradUnderflow } from "../../src/operators/grad_underflow.ts";
import type { Snapshot } from "../../src/engine/snapshot.ts";

const base: Snapshot = {
  run: "r",
  step: 5,
  wall: 0,
  status: "running",
  trigger: "schedule",
  loss: 1,
  gradNorm: 1,
  params: {},
  predictor: { shape: [1], data: new Float64Array(1) },
  metrics: { loss: 1 },
};

Deno.test("gradUnderflow() adds grad_underflow from engines that report it", async () => {
  const out = await lastValueFrom(of({ ...base, gradUnderflow: 3 }).pipe(gradUnderflow()));
  assert.deepEqual(out.metrics, { loss: 1, grad_underflow: 3 });
});

Deno.test("gradUnderflow() passes snapshots of float64 engines unchanged", async () => {
  const out = await lastValueFrom(of(base).pipe(gradUnderflow()));
  assert.equal(out, base);
});
