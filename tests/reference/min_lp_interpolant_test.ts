import assert from "node:assert/strict";
import { minLpInterpolant } from "../../src/reference/min_lp_interpolant.ts";
import { minNormLeastSquares } from "../../src/reference/min_norm_least_squares.ts";
import { gaussianRegressionData } from "../../src/problems/shared/gaussian_regression_data.ts";
import { lpNorm } from "../../src/math/lp_norm.ts";
import { assertAllClose, assertClose } from "../_assert_close.ts";
import { solveLinear } from "./_solve_linear.ts";

const data = gaussianRegressionData({ n: 6, d: 15, noise: 0, seed: 3 });

async function solve(p: number, x = data.x, y = data.y): Promise<Float64Array> {
  const ref = await minLpInterpolant(x, y, p);
  assert.ok(ref.predictor !== null, ref.predictor === null ? ref.error : "");
  return ref.predictor.data;
}

Deno.test("minLpInterpolant() of one equation ⟨x, w⟩ = y has the closed form y·sign(x)|x|^{q−1}/‖x‖_q^q", async () => {
  const x = Float64Array.of(1, -2, 0.5, 3), y = Float64Array.of(2);
  for (const p of [1.5, 4 / 3, 3, 6]) {
    const q = p / (p - 1), nq = lpNorm(x, q) ** q;
    assertAllClose(await solve(p, x, y), x.map((v) => (2 * Math.sign(v) * Math.abs(v) ** (q - 1)) / nq), {
      rtol: 1e-10,
      atol: 1e-14,
    }, `p = ${p}`);
  }
  assertAllClose(await solve(1, x, y), [0, 0, 0, 2 / 3], { atol: 1e-12 });
  assertAllClose(await solve(Infinity, x, y), [2 / 6.5, -2 / 6.5, 2 / 6.5, 2 / 6.5], { rtol: 1e-12 });
});

Deno.test("minLpInterpolant() interpolates, and each solution is smallest in its own norm", async () => {
  const orders = [1, 1.5, 2, 3, Infinity];
  const sols = await Promise.all(orders.map((p) => solve(p)));
  sols.forEach((w, k) => {
    for (let i = 0; i < 6; i++) {
      const s = data.x.subarray(i * 15, i * 15 + 15).reduce((a, v, j) => a + v * w[j]!, 0);
      assertClose(s, data.y[i]!, { atol: 1e-11 }, `p = ${orders[k]}, equation ${i}`);
    }
  });
  orders.forEach((p, k) => {
    const own = lpNorm(sols[k]!, p);
    sols.forEach((other, m) => {
      if (m !== k) {
        assert.ok(own <= lpNorm(other, p) * (1 + 1e-10), `ℓ${p}: ${own} vs ℓ${orders[m]}'s ${lpNorm(other, p)}`);
      }
    });
  });
  // p = 2 against its closed form w = Xᵀ(XXᵀ)⁻¹y, solved here by Gaussian elimination (not by the library).
  const gram = Float64Array.from({ length: 36 }, (_, k) => {
    const i = Math.floor(k / 6), j = k % 6;
    return data.x.subarray(i * 15, i * 15 + 15).reduce((a, v, l) => a + v * data.x[j * 15 + l]!, 0);
  });
  const lambda = solveLinear(gram, data.y);
  const closed = Float64Array.from(
    { length: 15 },
    (_, l) => lambda.reduce((a, v, i) => a + v * data.x[i * 15 + l]!, 0),
  );
  assertAllClose(sols[2]!, closed, { rtol: 1e-10, atol: 1e-13 });
});

Deno.test("minLpInterpolant() with p = 2 on Gunasekar et al.'s example is w = (1/3, 29/6, −25/6)", async () => {
  // x₁ = (1, 1, 1), y₁ = 1; x₂ = (1, 2, 0), y₂ = 10: XXᵀ = [[3, 3], [3, 5]], λ = (−25/6, 27/6), w = Xᵀλ.
  const w = await solve(2, Float64Array.of(1, 1, 1, 1, 2, 0), Float64Array.of(1, 10));
  assertAllClose(w, [1 / 3, 29 / 6, -25 / 6], { rtol: 1e-12, atol: 1e-14 });
});

Deno.test("minLpInterpolant() satisfies the optimality condition ∇‖w‖ᵖₚ ∈ rowspace(X)", async () => {
  for (const p of [1.2, 1.5, 3, 8]) {
    const w = await solve(p);
    const grad = w.map((v) => Math.sign(v) * Math.abs(v) ** (p - 1));
    // The part of grad outside the row space is grad − X⁺X·grad.
    const xg = Float64Array.from(
      { length: 6 },
      (_, i) => data.x.subarray(i * 15, i * 15 + 15).reduce((a, v, j) => a + v * grad[j]!, 0),
    );
    const inRow = minNormLeastSquares(data.x, xg).predictor!.data;
    const off = lpNorm(grad.map((v, j) => v - inRow[j]!), 2);
    assert.ok(off <= 1e-9 * lpNorm(grad, 2), `p = ${p}: ${off}`);
  }
});

Deno.test("minLpInterpolant() tends to the LP solutions as p → 1 and p → ∞", async () => {
  const l1 = lpNorm(await solve(1), 1), linf = lpNorm(await solve(Infinity), Infinity);
  // ‖ŵ_p‖₁ ≥ ‖ŵ₁‖₁ always, and is close for p near 1 (likewise for ∞).
  const near1 = lpNorm(await solve(1.02), 1), near8 = lpNorm(await solve(30), Infinity);
  assert.ok(near1 >= l1 * (1 - 1e-12) && near1 <= l1 * 1.05, `${near1} vs ${l1}`);
  assert.ok(near8 >= linf * (1 - 1e-12) && near8 <= linf * 1.1, `${near8} vs ${linf}`);
});

Deno.test("minLpInterpolant() explains an inconsistent system", async () => {
  const ref = await minLpInterpolant(Float64Array.of(1, 1, 1, 1), Float64Array.of(1, 2), 1.5);
  assert.equal(ref.predictor, null);
  assert.match(ref.predictor === null ? ref.error : "", /No w solves Xw = y/);
  await assert.rejects(() => minLpInterpolant(Float64Array.of(1), Float64Array.of(1), 0.5), RangeError);
});
