import assert from "node:assert/strict";
import { spectrum } from "../../src/operators/spectrum.ts";
import { assertClose } from "../_assert_close.ts";
import { metricsOf } from "./_apply.ts";
import { snapshotOf } from "./_snapshot.ts";

/** A snapshot whose predictor has the given shape. */
function shaped(shape: number[], data: number[]) {
  return snapshotOf([], { predictor: { shape, data: Float64Array.from(data) } });
}

Deno.test("spectrum() adds norm_nuclear, rank_eff and the largest singular values", async () => {
  // diag(3, −1, 0) has singular values 3, 1, 0.
  const m = await metricsOf(spectrum({ count: 2 }), shaped([3, 3], [3, 0, 0, 0, -1, 0, 0, 0, 0]));
  assertClose(m.norm_nuclear!, 4, { rtol: 1e-14 });
  assertClose(m.sv_0!, 3, { rtol: 1e-14 });
  assertClose(m.sv_1!, 1, { rtol: 1e-14 });
  assert.equal(m.sv_2, undefined);
  assertClose(m.rank_eff!, Math.exp(-0.75 * Math.log(0.75) - 0.25 * Math.log(0.25)), { rtol: 1e-13 });
});

Deno.test("spectrum() reports at most min(rows, cols) values, 16 by default, and treats vectors as rows", async () => {
  const eye = Array.from({ length: 400 }, (_, k) => (k % 21 === 0 ? 1 : 0));
  const m = await metricsOf(spectrum(), shaped([20, 20], eye));
  assert.equal(Object.keys(m).filter((k) => k.startsWith("sv_")).length, 16);
  assertClose(m.rank_eff!, 20, { rtol: 1e-13 });
  const v = await metricsOf(spectrum(), shaped([2], [3, 4]));
  assert.deepEqual(Object.keys(v).sort(), ["norm_nuclear", "rank_eff", "sv_0"]);
  assertClose(v.norm_nuclear!, 5, { rtol: 1e-14 });
  assert.throws(() => spectrum({ count: -1 }), RangeError);
});
