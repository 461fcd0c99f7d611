import assert from "node:assert/strict";
import { multiclass } from "../../../src/problems/multiclass/multiclass.ts";
import { separableMulticlassData } from "../../../src/problems/shared/separable_multiclass_data.ts";
import { keslerRows } from "../../../src/math/kesler_rows.ts";
import { assertClose } from "../../_assert_close.ts";
import { assertGradientMatchesLoss } from "../_finite_difference.ts";

const data = separableMulticlassData({ n: 9, d: 4, classes: 3, margin: 0.1, seed: 2 });

/** The textbook form, log Σ e^{s_c} − s_y, for moderate scores. */
function naiveLoss(w: Float64Array): number {
  let total = 0;
  for (let i = 0; i < data.n; i++) {
    const s = [0, 1, 2].map((c) => {
      let v = 0;
      for (let j = 0; j < 4; j++) v += w[c * 4 + j]! * data.x[i * 4 + j]!;
      return v;
    });
    total += Math.log(s.reduce((a, v) => a + Math.exp(v), 0)) - s[data.y[i]!]!;
  }
  return total;
}

Deno.test("multiclass() computes softmax cross-entropy and its gradient", () => {
  const p = multiclass(data, { classes: 3, reduction: "sum" });
  const w = Float64Array.from({ length: 12 }, (_, j) => Math.sin(j + 1));
  assertClose(p.gradient(w, new Float64Array(12), true), naiveLoss(w), { rtol: 1e-13 });
  assertGradientMatchesLoss(p, w);
  assertClose(p.gradient(new Float64Array(12), new Float64Array(12), true), 9 * Math.log(3), { rtol: 1e-15 });
});

Deno.test("multiclass() keeps tiny losses accurate and huge scores finite", () => {
  const p = multiclass(data, { classes: 3, reduction: "sum" });
  const g = new Float64Array(12);
  // A separating direction scaled up: every loss term is ~e^{−gap}, far below 1e-16.
  const w = Float64Array.from({ length: 12 }, (_, j) => Math.cos(3 * j));
  const z = keslerRows(data.x, data.y, 3);
  const margins = Array.from(
    { length: 18 },
    (_, r) => z.subarray(r * 12, r * 12 + 12).reduce((s, v, j) => s + v * w[j]!, 0),
  );
  const scale = 60 / Math.max(1e-9, Math.min(...margins.map(Math.abs)));
  const big = w.map((v) => v * scale);
  const loss = p.gradient(big, g, true);
  assert.ok(Number.isFinite(loss) && loss >= 0);
  assert.ok(g.every(Number.isFinite));
  // Scores of 1e6 in the wrong direction: the loss is the score gap, not ∞.
  const wrong = big.map((v) => -v * 1e3);
  const l2 = p.gradient(wrong, g, true);
  assert.ok(Number.isFinite(l2) && l2 > 1e3, `loss ${l2}`);
  assert.ok(g.every(Number.isFinite));
  // Tiny loss: log1p(e^{-40}) ≈ e^{-40} kept to full relative precision.
  const one = multiclass({ n: 1, d: 1, x: Float64Array.of(1), y: Float64Array.of(0) }, {
    classes: 2,
    reduction: "sum",
  });
  assertClose(one.gradient(Float64Array.of(20, -20), new Float64Array(2), true), Math.exp(-40), { rtol: 1e-14 });
});

Deno.test("multiclass() exposes W as a k×d predictor and Kesler rows as z", () => {
  const p = multiclass(data, { classes: 3, reduction: "mean" });
  assert.deepEqual(p.predictor(new Float64Array(12)).shape, [3, 4]);
  assert.equal(p.size, 12);
  assert.deepEqual(p.z, keslerRows(data.x, data.y, 3));
  assert.throws(
    () => multiclass(data, { classes: 2, reduction: "sum" }),
    RangeError,
    "must be an integer in 0..1 but was 2",
  );
});
