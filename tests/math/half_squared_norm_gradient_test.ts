import assert from "node:assert/strict";
import { halfSquaredNormGradient } from "../../src/math/half_squared_norm_gradient.ts";
import { lpNorm } from "../../src/math/lp_norm.ts";
import { assertAllClose, assertClose } from "../_assert_close.ts";

function grad(x: number[], p: number): Float64Array {
  return halfSquaredNormGradient(Float64Array.from(x), p, new Float64Array(x.length));
}

Deno.test("halfSquaredNormGradient() matches central differences of ½‖x‖²_p", () => {
  const x = [0.7, -1.3, 0.2, 2.1];
  for (const p of [1.5, 3, 4 / 3, 7]) {
    const g = grad(x, p);
    const h = 1e-6;
    x.forEach((_, j) => {
      const up = x.slice(), down = x.slice();
      up[j]! += h;
      down[j]! -= h;
      const fd = (0.5 * lpNorm(up, p) ** 2 - 0.5 * lpNorm(down, p) ** 2) / (2 * h);
      assertClose(g[j]!, fd, { rtol: 1e-6, atol: 1e-9 }, `p = ${p}, j = ${j}`);
    });
  }
});

Deno.test("halfSquaredNormGradient() is ‖x‖_p times the dual unit vector attaining ⟨x, v⟩ = ‖x‖_p", () => {
  // v = g/‖x‖_p has ‖v‖_q = 1 and ⟨x, v⟩ = ‖x‖_p (Hölder with equality).
  const x = [3, -1, 0.5, -2];
  for (const p of [1.2, 1.5, 2, 3, 10]) {
    const g = grad(x, p);
    const np = lpNorm(x, p), q = p / (p - 1);
    assertClose(lpNorm(g, q), np, { rtol: 1e-13 }, `‖g‖_q at p = ${p}`);
    assertClose(x.reduce((s, v, j) => s + v * g[j]!, 0), np * np, { rtol: 1e-13 }, `⟨x, g⟩ at p = ${p}`);
  }
});

Deno.test("halfSquaredNormGradient() gives the steepest-step subgradients at p = 1, 2, ∞", () => {
  assert.deepEqual(Array.from(grad([3, -4, 0], 1)), [7, -7, 0]);
  assert.deepEqual(Array.from(grad([3, -4, 0], Infinity)), [0, -4, 0]);
  assert.deepEqual(Array.from(grad([4, -4, 1], Infinity)), [4, 0, 0], "ties go to the first index");
  const x = Float64Array.from([0.1, -0.3, 1e-300]);
  assert.deepEqual(halfSquaredNormGradient(x, 2, new Float64Array(3)), x, "p = 2 copies exactly");
});

Deno.test("halfSquaredNormGradient() handles zero, huge and tiny vectors and checks its inputs", () => {
  assert.deepEqual(Array.from(grad([0, 0], 3)), [0, 0]);
  assertAllClose(grad([3e200, 4e200], 3), grad([3, 4], 3).map((v) => v * 1e200), { rtol: 1e-14 });
  assertAllClose(grad([3e-200, 4e-200], 1.5), grad([3, 4], 1.5).map((v) => v * 1e-200), { rtol: 1e-14 });
  assert.throws(() => grad([1], 0.5), RangeError, "p must be at least 1 but was 0.5");
  assert.throws(() => halfSquaredNormGradient([1, 2], 2, new Float64Array(3)), RangeError, "output has length 3");
});
