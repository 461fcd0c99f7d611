import assert from "node:assert/strict";
import { mirror } from "../../src/optimizers/mirror.ts";
import { gd } from "../../src/optimizers/gd.ts";
import { leastSquares } from "../../src/problems/least_squares/least_squares.ts";
import { gaussianRegressionData } from "../../src/problems/shared/gaussian_regression_data.ts";
import { halfSquaredNormGradient } from "../../src/math/half_squared_norm_gradient.ts";
import { minLpInterpolant } from "../../src/reference/min_lp_interpolant.ts";
import { relativeError } from "../../src/math/relative_error.ts";
import { assertAllClose } from "../_assert_close.ts";

const data = gaussianRegressionData({ n: 3, d: 6, noise: 0, seed: 4 });
const problem = leastSquares(data, { reduction: "sum" });

Deno.test("mirror() with p = 2 is gradient descent, bit for bit", () => {
  const a = Float64Array.from([0.1, 0, -0.2, 0, 0, 0.3]), b = a.slice();
  const m = mirror(problem, { p: 2, lr: 0.02 }), g = gd(problem, { lr: 0.02 });
  for (let t = 0; t < 1000; t++) {
    m.step(a);
    g.step(b);
  }
  assert.deepEqual(a, b);
});

Deno.test("mirror() keeps the dual point θ = ∇½‖w‖²_p of its iterate", () => {
  const opt = mirror(problem, { p: 1.5, lr: 0.02 });
  const w = Float64Array.from([0.5, -0.1, 0, 0.2, 0, 0]);
  for (let t = 0; t < 50; t++) opt.step(w);
  const theta = opt.state().dual!.data;
  assertAllClose(theta, halfSquaredNormGradient(w, 1.5, new Float64Array(6)), { rtol: 1e-10, atol: 1e-14 });
});

Deno.test("mirror() on least squares from 0 converges to the minimum-ℓp interpolant for any step size", async () => {
  for (const p of [1.5, 3]) {
    const ref = await minLpInterpolant(data.x, data.y, p);
    assert.ok(ref.predictor !== null);
    for (const lr of [0.01, 0.03]) {
      const w = new Float64Array(6), opt = mirror(problem, { p, lr });
      for (let t = 0; t < 20000; t++) opt.step(w);
      const err = relativeError(w, ref.predictor.data);
      assert.ok(err < 1e-8, `p = ${p}, lr = ${lr}: relative error ${err}`);
    }
  }
});

Deno.test("mirror() rejects orders where ½‖w‖²_p is not differentiable", () => {
  assert.throws(() => mirror(problem, { p: 1, lr: 0.1 }), RangeError, "p must be in (1, ∞)");
});
