import assert from "node:assert/strict";
import { norm, normName } from "../../src/operators/norm.ts";
import { metricsOf } from "./_apply.ts";
import { snapshotOf } from "./_snapshot.ts";

Deno.test("norm() adds ℓp norms of the predictor under their default names", async () => {
  const s = snapshotOf([3, -4]);
  assert.deepEqual(await metricsOf(norm(), s), { norm: 5 });
  assert.deepEqual(await metricsOf(norm(1), s), { norm_l1: 7 });
  assert.deepEqual(await metricsOf(norm(Infinity), s), { norm_linf: 4 });
  assert.deepEqual(await metricsOf(norm(2, { name: "w2" }), s), { w2: 5 });
  assert.equal(normName(1.5), "norm_l1.5");
  assert.throws(() => norm(0.5), RangeError);
});
