import assert from "node:assert/strict";
import { separableData } from "../../../src/problems/shared/separable_data.ts";
import { maxMarginL2 } from "../../../src/reference/max_margin_l2.ts";

Deno.test("separableData() is deterministic, balanced and separable", async () => {
  const a = separableData({ n: 30, d: 5, margin: 0.2, seed: 4 });
  const b = separableData({ n: 30, d: 5, margin: 0.2, seed: 4 });
  assert.deepEqual(a, b);
  assert.notDeepEqual(a.x, separableData({ n: 30, d: 5, margin: 0.2, seed: 5 }).x);
  assert.equal(a.y.filter((v) => v === 1).length, 15);
  const z = a.x.map((v, k) => v * a.y[Math.floor(k / 5)]!);
  const ref = await maxMarginL2(z, 5);
  assert.ok(ref.predictor !== null, "separable data have a max-margin separator");
  assert.ok(ref.margin! >= 0.2 - 1e-9, `margin ${ref.margin} ≥ the generator's 0.2`);
});

Deno.test("separableData() rejects impossible sizes and margins", () => {
  assert.throws(() => separableData({ n: 0, d: 2, margin: 0.1, seed: 0 }), RangeError, "n = 0");
  assert.throws(() => separableData({ n: 3, d: 2, margin: 9, seed: 0 }), RangeError, "margin must be in [0, 3]");
});
