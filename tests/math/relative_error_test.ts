import assert from "node:assert/strict";
import { relativeError } from "../../src/math/relative_error.ts";
import { assertClose } from "../_assert_close.ts";

Deno.test("relativeError() is the Frobenius distance over the reference's norm", () => {
  assertClose(relativeError([1, 2, 3, 4], [1, 2, 3, 5]), 1 / Math.sqrt(39), { rtol: 1e-15 });
  assert.equal(relativeError([2, 2], [2, 2]), 0);
});

Deno.test("relativeError() does not overflow for huge entries", () => {
  assertClose(relativeError([3e300, 0], [0, 4e300]), 5 / 4, { rtol: 1e-15 });
});

Deno.test("relativeError() is NaN against zero and rejects length mismatches", () => {
  assert.ok(Number.isNaN(relativeError([1], [0])));
  assert.throws(() => relativeError([1, 2], [1]), RangeError);
});
