import assert from "node:assert/strict";
import { singularValues } from "../../src/viewer/singular_values.ts";
import { assertAllClose, assertClose } from "../_assert_close.ts";

Deno.test("`singularValues()` of a diagonal matrix are its absolute diagonal, sorted", () => {
  assert.deepEqual(singularValues([1, 0, 0, 0, -5, 0, 0, 0, 3], 3, 3), [5, 3, 1]);
});

Deno.test("`singularValues()` are invariant under rotations: R diag(4, 1) Qᵀ", () => {
  const c = Math.cos(0.7), s = Math.sin(0.7), c2 = Math.cos(-1.9), s2 = Math.sin(-1.9);
  // R = [[c, -s], [s, c]], Q = [[c2, -s2], [s2, c2]]; A = R diag(4,1) Qᵀ
  const a = [
    c * 4 * c2 + -s * 1 * -s2,
    c * 4 * s2 + -s * 1 * c2,
    s * 4 * c2 + c * 1 * -s2,
    s * 4 * s2 + c * 1 * c2,
  ];
  assertAllClose(singularValues(a, 2, 2), [4, 1], { rtol: 1e-14 });
});

Deno.test("`singularValues()` of a rank-one outer product uvᵀ is ‖u‖‖v‖ then zeros, tall or wide", () => {
  const u = [1, 2, 3], v = [4, -1];
  const tall = u.flatMap((ui) => v.map((vj) => ui * vj)); // 3×2
  const wide = v.flatMap((vi) => u.map((uj) => vi * uj)); // 2×3
  const expected = Math.hypot(...u) * Math.hypot(...v);
  for (const [data, r, c] of [[tall, 3, 2], [wide, 2, 3]] as const) {
    const sv = singularValues(data, r, c);
    assert.equal(sv.length, 2);
    assertClose(sv[0]!, expected, { rtol: 1e-14 });
    assertClose(sv[1]!, 0, { atol: 1e-13 });
  }
});

Deno.test("`singularValues()` squared sum to the squared Frobenius norm of a random 16×16 matrix", () => {
  let seed = 7;
  const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) - 0.5;
  const a = Array.from({ length: 256 }, rand);
  const sv = singularValues(a, 16, 16);
  assertClose(sv.reduce((t, x) => t + x * x, 0), a.reduce((t, x) => t + x * x, 0), { rtol: 1e-12 });
  for (let i = 1; i < sv.length; i++) assert.ok(sv[i]! <= sv[i - 1]!);
});

Deno.test("`singularValues()` rejects data of the wrong size", () => {
  assert.throws(() => singularValues([1, 2, 3], 2, 2), /Expected 2 × 2 = 4 entries but found 3/);
});
