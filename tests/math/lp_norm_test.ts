import assert from "node:assert/strict";
import { lpNorm } from "../../src/math/lp_norm.ts";
import { assertClose } from "../_assert_close.ts";

Deno.test("lpNorm() matches closed forms for p = 1, 2, 3, ∞", () => {
  const x = new Float64Array([3, -4, 12]);
  assert.equal(lpNorm(x, 1), 19);
  assert.equal(lpNorm(x, 2), 13);
  assert.equal(lpNorm(x, Infinity), 12);
  assertClose(lpNorm(x, 3), Math.cbrt(27 + 64 + 1728), { rtol: 1e-15 });
});

Deno.test("lpNorm() neither overflows nor underflows", () => {
  assertClose(lpNorm(new Float64Array([3e200, 4e200]), 2), 5e200, { rtol: 1e-15 });
  assertClose(lpNorm(new Float64Array([3e-200, 4e-200]), 2), 5e-200, { rtol: 1e-15 });
  assertClose(lpNorm(new Float64Array([1e200, 1e200]), 3), 1e200 * Math.cbrt(2), { rtol: 1e-15 });
});

Deno.test("lpNorm() handles empty, zero, NaN and -0 inputs", () => {
  assert.equal(lpNorm(new Float64Array(0), 2), 0);
  assert.equal(lpNorm(new Float64Array([0, -0]), 2), 0);
  assert.ok(Number.isNaN(lpNorm(new Float64Array([1, NaN]), 2)));
  assert.equal(lpNorm(new Float64Array([Infinity, 1]), 2), Infinity);
});

Deno.test("lpNorm() rejects p < 1", () => {
  assert.throws(() => lpNorm(new Float64Array([1]), 0.5), RangeError, "p must be at least 1 but was 0.5");
});
