import assert from "node:assert/strict";
import { effectiveRank } from "../../src/math/effective_rank.ts";
import { assertClose } from "../_assert_close.ts";

Deno.test("effectiveRank() is k for k equal singular values and ignores zeros", () => {
  assertClose(effectiveRank([1]), 1);
  assertClose(effectiveRank([3, 3, 3, 3, 3, 0, 0]), 5, { rtol: 1e-14 });
});

Deno.test("effectiveRank() lies between 1 and the rank for unequal values", () => {
  const r = effectiveRank([4, 1]);
  // p = (0.8, 0.2): exp(−0.8 ln 0.8 − 0.2 ln 0.2)
  assertClose(r, Math.exp(-0.8 * Math.log(0.8) - 0.2 * Math.log(0.2)), { rtol: 1e-14 });
  assert.ok(r > 1 && r < 2);
});

Deno.test("effectiveRank() is NaN for zero, negative or non-finite input", () => {
  assert.ok(Number.isNaN(effectiveRank([0, 0])));
  assert.ok(Number.isNaN(effectiveRank([])));
  assert.ok(Number.isNaN(effectiveRank([1, -1])));
  assert.ok(Number.isNaN(effectiveRank([1, Infinity])));
});
