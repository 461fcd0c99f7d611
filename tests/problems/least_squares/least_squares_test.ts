import assert from "node:assert/strict";
import { leastSquares } from "../../../src/problems/least_squares/least_squares.ts";
import { gaussianRegressionData } from "../../../src/problems/shared/gaussian_regression_data.ts";
import { sigmaMax } from "../../../src/math/sigma_max.ts";
import { assertClose } from "../../_assert_close.ts";
import { assertGradientMatchesLoss } from "../_finite_difference.ts";

const data = gaussianRegressionData({ n: 6, d: 4, noise: 0.1, seed: 5 });

Deno.test("leastSquares() has L = ½Σr² and ∇L = Xᵀr", () => {
  const p = leastSquares(data, { reduction: "sum" });
  const w = new Float64Array([0.3, -0.2, 0.5, 1]);
  let loss = 0;
  const g = new Float64Array(4);
  for (let i = 0; i < 6; i++) {
    let r = -data.y[i]!;
    for (let j = 0; j < 4; j++) r += data.x[i * 4 + j]! * w[j]!;
    loss += 0.5 * r * r;
    for (let j = 0; j < 4; j++) g[j]! += r * data.x[i * 4 + j]!;
  }
  const got = new Float64Array(4);
  assertClose(p.gradient(w, got, true), loss, { rtol: 1e-14 });
  got.forEach((v, j) => assertClose(v, g[j]!, { rtol: 1e-14 }));
  assertGradientMatchesLoss(p, w);
});

Deno.test("leastSquares() mean reduction and batches divide by the batch size", () => {
  const sum = leastSquares(data, { reduction: "sum" }), mean = leastSquares(data, { reduction: "mean" });
  const w = new Float64Array([1, 2, 3, 4]);
  const a = new Float64Array(4), b = new Float64Array(4);
  assertClose(mean.gradient(w, b, true), sum.gradient(w, a, true) / 6, { rtol: 1e-14 });
  b.forEach((v, j) => assertClose(v, a[j]! / 6, { rtol: 1e-14 }));
  const rows = Uint32Array.of(4, 1);
  const one = leastSquares({
    n: 2,
    d: 4,
    x: Float64Array.of(...data.x.slice(16, 20), ...data.x.slice(4, 8)),
    y: Float64Array.of(data.y[4]!, data.y[1]!),
  }, { reduction: "mean" });
  assertClose(mean.gradient(w, a, true, rows, 2), one.gradient(w, b, true), { rtol: 1e-14 });
});

Deno.test("leastSquares() exposes β as predictor, its smoothness σ²_max, and the held-out set", () => {
  const test = gaussianRegressionData({ n: 3, d: 4, noise: 0, seed: 6 });
  const p = leastSquares(data, { reduction: "sum", test });
  assert.deepEqual(p.predictor(Float64Array.of(1, 2, 3, 4)).shape, [4]);
  assertClose(p.smoothness()!, sigmaMax(data.x, 4) ** 2, { rtol: 1e-12 });
  assert.equal(p.test, test);
  assert.equal(leastSquares(data, { reduction: "mean" }).test, null);
});
