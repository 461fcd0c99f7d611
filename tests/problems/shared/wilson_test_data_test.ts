import assert from "node:assert/strict";
import { wilsonTestData } from "../../../src/problems/shared/wilson_test_data.ts";

Deno.test("wilsonTestData() draws fresh points (y, 1, 1, 0, …) in the training coordinates", () => {
  const test = wilsonTestData({ n: 50, p: 0.75, seed: 4, d: 23 });
  assert.equal(test.d, 23);
  for (let i = 0; i < 50; i++) {
    const row = Array.from(test.x.subarray(i * 23, (i + 1) * 23));
    assert.deepEqual(row, [test.y[i]!, 1, 1, ...new Array(20).fill(0)]);
  }
  assert.throws(() => wilsonTestData({ n: 5, p: 0.75, seed: 0, d: 2 }), RangeError, "d must be an integer ≥ 3");
});
