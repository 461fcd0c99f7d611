import assert from "node:assert/strict";
import { cosine } from "../../src/math/cosine.ts";
import { assertClose } from "../_assert_close.ts";

Deno.test("cosine() matches the angle between known vectors", () => {
  const t = 0.3;
  assertClose(cosine([1, 0], [Math.cos(t), Math.sin(t)]), Math.cos(t), { rtol: 1e-15 });
  assert.equal(cosine([2, 0], [-5, 0]), -1);
});

Deno.test("cosine() is scale-free even at extreme magnitudes", () => {
  assertClose(cosine([1e300, 1e300], [1e-300, 1e-300]), 1, { rtol: 1e-15 });
});

Deno.test("cosine() is NaN for a zero vector and rejects mismatched lengths", () => {
  assert.ok(Number.isNaN(cosine([0, 0], [1, 2])));
  assert.throws(() => cosine([1], [1, 2]), RangeError, "vectors have lengths 1 and 2");
});
