import assert from "node:assert/strict";
import { minMargin } from "../../src/math/min_margin.ts";
import { assertClose } from "../_assert_close.ts";

Deno.test("minMargin() is the smallest normalized signed distance", () => {
  const z = new Float64Array([1, 0, 0, 2, -1, 3]);
  const beta = new Float64Array([1, 1]);
  // margins: 1, 2, 2 over ‖β‖₂ = √2
  assertClose(minMargin(z, beta, 2), 1 / Math.SQRT2, { rtol: 1e-15 });
  assertClose(minMargin(z, beta, 1), 0.5, { rtol: 1e-15 });
  assertClose(minMargin(z, beta, Infinity), 1, { rtol: 1e-15 });
});

Deno.test("minMargin() is negative when β misclassifies and NaN for β = 0", () => {
  assert.ok(minMargin(new Float64Array([1, 0, -1, 0]), new Float64Array([1, 0])) < 0);
  assert.ok(Number.isNaN(minMargin(new Float64Array([1, 0]), new Float64Array([0, 0]))));
});

Deno.test("minMargin() rejects data that do not split into rows", () => {
  assert.throws(() => minMargin(new Float64Array(3), new Float64Array(2)), RangeError, "rows of length 2");
});
