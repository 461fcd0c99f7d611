import assert from "node:assert/strict";
import { directionGap } from "../../src/math/direction_gap.ts";
import { assertClose } from "../_assert_close.ts";

Deno.test("directionGap() keeps relative precision for tiny angles", () => {
  // Vectors at angle θ: 1 − cos θ = 2 sin²(θ/2), distance = 2 sin(θ/2), exactly.
  for (const theta of [1e-3, 1e-6, 1e-9]) {
    const g = directionGap([1, 0], [Math.cos(theta), Math.sin(theta)]);
    assertClose(g.distance, 2 * Math.sin(theta / 2), { rtol: 1e-9 }, `distance at ${theta}`);
    assertClose(g.angleGap, 2 * Math.sin(theta / 2) ** 2, { rtol: 1e-9 }, `gap at ${theta}`);
  }
});

Deno.test("directionGap() ignores magnitudes", () => {
  const g = directionGap([3, 4], [0.3e-9, 0.4e-9]);
  assertClose(g.distance, 0, { atol: 4e-16 }); // a few ulps of 1
});

Deno.test("directionGap() is NaN for zero vectors and checks lengths", () => {
  assert.ok(Number.isNaN(directionGap([0, 0], [1, 0]).angleGap));
  assert.throws(() => directionGap([1, 2, 3], [1]), RangeError);
});
