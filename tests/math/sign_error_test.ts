import assert from "node:assert/strict";
import { signError } from "../../src/math/sign_error.ts";

Deno.test("signError() counts sign mismatches, with a zero score counted as an error", () => {
  const x = new Float64Array([1, 0, 0, 1, 1, -1, 2, 2]);
  const y = new Float64Array([1, -1, 1, 1]);
  // scores with β = (1, 1): 1, 1, 0, 4 → wrong: example 1 (sign +, label −) and example 2 (zero)
  assert.equal(signError(x, y, new Float64Array([1, 1])), 0.5);
  assert.equal(signError(x, y, new Float64Array([0, 0])), 1);
});

Deno.test("signError() rejects mismatched shapes", () => {
  assert.throws(() => signError(new Float64Array(3), new Float64Array(2), new Float64Array(2)), RangeError);
  assert.throws(() => signError(new Float64Array(0), new Float64Array(0), new Float64Array(2)), RangeError);
});
