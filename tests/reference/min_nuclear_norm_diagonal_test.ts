import assert from "node:assert/strict";
import { minNuclearNormDiagonal } from "../../src/reference/min_nuclear_norm_diagonal.ts";
import { assertAllClose } from "../_assert_close.ts";

Deno.test("minNuclearNormDiagonal() solves min 1ᵀx, Ax = y, x ≥ 0 exactly", async () => {
  // x₀ + x₁ + x₂ = 3 and x₀ − x₂ = 1: every feasible x has Σx = 3; the LP returns a feasible vertex.
  const ref = await minNuclearNormDiagonal(new Float64Array([1, 1, 1, 1, 0, -1]), new Float64Array([3, 1]));
  assert.ok(ref.predictor);
  const d = [0, 4, 8].map((k) => ref.predictor!.data[k]!);
  assertAllClose([d[0]! + d[1]! + d[2]!, d[0]! - d[2]!], [3, 1], { atol: 1e-14 });
  assert.ok(d.every((v) => v >= 0));
});

Deno.test("minNuclearNormDiagonal() picks the cheapest coordinate, exactly", async () => {
  // 3x₀ + x₁ + 2x₂ = 6: min Σx is x = (2, 0, 0); min Σ|x| with signs free too.
  const a = new Float64Array([3, 1, 2]), y = new Float64Array([6]);
  for (const psd of [true, false]) {
    const ref = await minNuclearNormDiagonal(a, y, { psd });
    assert.deepEqual(Array.from(ref.predictor!.data), [2, 0, 0, 0, 0, 0, 0, 0, 0]);
    assert.equal(ref.kind, psd ? "min-trace-psd" : "min-nuclear-norm");
  }
});

Deno.test("minNuclearNormDiagonal() uses negative entries only when allowed", async () => {
  // x₀ − x₁ = −2, x₁ + x₂ = 4 over x ≥ 0: Σx = x₀ + 4, so x = (0, 2, 2).
  const psd = await minNuclearNormDiagonal(new Float64Array([1, -1, 0, 0, 1, 1]), new Float64Array([-2, 4]));
  assertAllClose([0, 4, 8].map((k) => psd.predictor!.data[k]!), [0, 2, 2], { atol: 1e-14 });
  // x₀ + x₁ = −2: no x ≥ 0; with signs free, min |x₀| + |x₁| = 2 at any x ≤ 0 on the line.
  const none = await minNuclearNormDiagonal(new Float64Array([1, 1]), new Float64Array([-2]), { psd: true });
  assert.equal(none.predictor, null);
  const general = await minNuclearNormDiagonal(new Float64Array([1, 1]), new Float64Array([-2]), { psd: false });
  const g = [0, 3].map((k) => general.predictor!.data[k]!);
  assertAllClose([Math.abs(g[0]!) + Math.abs(g[1]!), g[0]! + g[1]!], [2, -2], { atol: 1e-14 });
});

Deno.test("minNuclearNormDiagonal() reports infeasibility and bad shapes", async () => {
  const ref = await minNuclearNormDiagonal(new Float64Array([1, 1]), new Float64Array([-1]), { psd: true });
  assert.equal(ref.predictor, null);
  assert.match(ref.predictor === null ? ref.error : "", /No nonnegative diagonal X/);
  await assert.rejects(() => minNuclearNormDiagonal(new Float64Array([1, 2, 3]), new Float64Array([1, 2])), RangeError);
});
