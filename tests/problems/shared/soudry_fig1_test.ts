import assert from "node:assert/strict";
import { soudryFig1 } from "../../../src/problems/shared/soudry_fig1.ts";

Deno.test("soudryFig1() has the paper's support vectors and 12 points strictly outside the margin", () => {
  const { n, d, x, y } = soudryFig1();
  assert.equal(n, 16);
  assert.equal(d, 2);
  assert.deepEqual(Array.from(x.slice(0, 8)), [0.5, 1.5, 1.5, 0.5, -0.5, -1.5, -1.5, -0.5]);
  assert.deepEqual(Array.from(y.slice(0, 4)), [1, 1, -1, -1]);
  for (let i = 4; i < n; i++) {
    const margin = y[i]! * (0.5 * x[2 * i]! + 0.5 * x[2 * i + 1]!);
    assert.ok(margin >= 1.25, `point ${i} has ⟨ŵ, z⟩ = ${margin} > 1`);
  }
  assert.equal(y.filter((v) => v === 1).length, 8);
  assert.deepEqual(soudryFig1(), soudryFig1());
});
