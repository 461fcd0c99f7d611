import assert from "node:assert/strict";
import { relativeError } from "../../src/math/relative_error.ts";
import { assertClose } from "../_assert_close.ts";

Deno.test("relativeError() is ‖a − r‖/‖r‖ at any scale", () => {
  assert.equal(relativeError([3, 4], [3, 0]), 4 / 3);
  assertClose(relativeError([1e300, 1e300], [1e300, 0]), 1, { rtol: 1e-15 });
});

Deno.test("relativeError() is 0 for two zeros, NaN against a zero reference, and checks lengths", () => {
  assert.equal(relativeError([0, 0], [0, 0]), 0);
  assert.ok(Number.isNaN(relativeError([1, 0], [0, 0])));
  assert.throws(() => relativeError([1], [1, 2]), RangeError, "lengths 1 and 2");
});
