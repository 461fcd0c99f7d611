import assert from "node:assert/strict";
import { keslerRows } from "../../src/math/kesler_rows.ts";

Deno.test("keslerRows() turns ⟨w_y − w_c, x⟩ into rows dotted with vec W", () => {
  const x = new Float64Array([1, 2, -1, 0.5]); // two examples in d = 2
  const labels = new Float64Array([2, 0]);
  const k = 3, d = 2;
  const z = keslerRows(x, labels, k);
  assert.equal(z.length, 2 * (k - 1) * k * d);
  const w = new Float64Array([0.3, -0.1, 0.7, 0.2, -0.5, 1.1]); // rows w_0, w_1, w_2
  const score = (i: number, c: number) => w[c * d]! * x[i * d]! + w[c * d + 1]! * x[i * d + 1]!;
  const expected = [
    score(0, 2) - score(0, 0),
    score(0, 2) - score(0, 1),
    score(1, 0) - score(1, 1),
    score(1, 0) - score(1, 2),
  ];
  expected.forEach((e, r) => {
    let s = 0;
    for (let j = 0; j < k * d; j++) s += z[r * k * d + j]! * w[j]!;
    assert.ok(Math.abs(s - e) < 1e-15, `row ${r}: ${s} vs ${e}`);
  });
});

Deno.test("keslerRows() rejects labels outside 0..k−1 and bad shapes", () => {
  assert.throws(
    () => keslerRows(new Float64Array([1]), new Float64Array([2]), 2),
    RangeError,
    "label 0 must be an integer in 0..1 but was 2",
  );
  assert.throws(() => keslerRows(new Float64Array([1]), new Float64Array([0.5]), 2), RangeError, "was 0.5");
  assert.throws(() => keslerRows(new Float64Array([1, 2, 3]), new Float64Array([0, 1]), 2), RangeError, "do not split");
  assert.throws(
    () => keslerRows(new Float64Array([1]), new Float64Array([0]), 1),
    RangeError,
    "k must be an integer ≥ 2",
  );
});
