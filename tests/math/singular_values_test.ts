import assert from "node:assert/strict";
import { singularValues } from "../../src/math/singular_values.ts";
import { assertAllClose } from "../_assert_close.ts";

Deno.test("singularValues() returns the singular values of a rotation-scaled matrix, largest first", () => {
  // Q·diag(5, 2)·Rᵀ with rotations Q, R.
  const c = Math.cos(0.3), s = Math.sin(0.3), c2 = Math.cos(1.1), s2 = Math.sin(1.1);
  const q = [[c, -s], [s, c]], r = [[c2, -s2], [s2, c2]], d = [5, 2];
  const x = new Float64Array(4);
  for (let i = 0; i < 2; i++) {
    for (let j = 0; j < 2; j++) x[i * 2 + j] = q[i]![0]! * d[0]! * r[j]![0]! + q[i]![1]! * d[1]! * r[j]![1]!;
  }
  assertAllClose(singularValues(x, 2), [5, 2], { rtol: 1e-13 });
});

Deno.test("singularValues() handles rectangular, rank-deficient and zero matrices", () => {
  assertAllClose(singularValues([3, 4, 0, 0, 0, 0], 3), [5, 0], { atol: 1e-14 });
  assertAllClose(singularValues([1, 2, 3], 1), [Math.sqrt(14)], { rtol: 1e-14 });
  assertAllClose(singularValues(new Float64Array(9), 3), [0, 0, 0]);
});

Deno.test("singularValues() returns NaN for non-finite input and rejects bad shapes", () => {
  assert.ok(singularValues([1, NaN, 0, 1], 2).every(Number.isNaN));
  assert.throws(() => singularValues([1, 2, 3], 2), /do not form 2 rows/);
});

Deno.test("singularValues() of a rank-one outer product uvᵀ is ‖u‖‖v‖ then zeros, tall or wide", () => {
  const u = [1, 2, 3], v = [4, -1];
  const tall = u.flatMap((ui) => v.map((vj) => ui * vj)); // 3×2
  const wide = v.flatMap((vi) => u.map((uj) => vi * uj)); // 2×3
  const expected = Math.hypot(...u) * Math.hypot(...v);
  for (const [data, rows] of [[tall, 3], [wide, 2]] as const) {
    assertAllClose(singularValues(data, rows), [expected, 0], { rtol: 1e-14, atol: 1e-13 });
  }
});

Deno.test("singularValues() squared sum to the squared Frobenius norm of a random 16×16 matrix, descending", () => {
  let seed = 7;
  const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) - 0.5;
  const a = Array.from({ length: 256 }, rand);
  const sv = singularValues(a, 16);
  assertAllClose([sv.reduce((t, x) => t + x * x, 0)], [a.reduce((t, x) => t + x * x, 0)], { rtol: 1e-12 });
  for (let i = 1; i < sv.length; i++) assert.ok(sv[i]! <= sv[i - 1]!);
});
