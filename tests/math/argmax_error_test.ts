import assert from "node:assert/strict";
import { argmaxError } from "../../src/math/argmax_error.ts";

Deno.test("argmaxError() counts examples whose class is not the strict argmax", () => {
  const w = new Float64Array([1, 0, 0, 1, -1, -1]); // scores x₁, x₂, −x₁−x₂
  const x = new Float64Array([2, 1, 1, 3, -1, -1, 1, 1]);
  const labels = new Float64Array([0, 1, 2, 0]);
  // example 3 ties classes 0 and 1 → an error
  assert.equal(argmaxError(x, labels, w, 3), 0.25);
  assert.equal(argmaxError(x, labels, new Float64Array(6), 3), 1, "W = 0 ties everywhere");
});

Deno.test("argmaxError() rejects mismatched shapes", () => {
  assert.throws(() => argmaxError(new Float64Array(4), new Float64Array(2), new Float64Array(5), 2), RangeError);
  assert.throws(() => argmaxError(new Float64Array(3), new Float64Array(2), new Float64Array(4), 2), RangeError);
});
