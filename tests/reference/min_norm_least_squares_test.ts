import assert from "node:assert/strict";
import { minNormLeastSquares } from "../../src/reference/min_norm_least_squares.ts";
import { gaussianRegressionData } from "../../src/problems/shared/gaussian_regression_data.ts";
import { assertAllClose, assertClose } from "../_assert_close.ts";

Deno.test("minNormLeastSquares() is w₀ + X⁺(y − Xw₀) on Gunasekar's example", () => {
  // Solutions are (0, 5, −4) + t(2, −1, −1); the minimum-norm one has t = 1/6.
  const x = Float64Array.of(1, 1, 1, 1, 2, 0), y = Float64Array.of(1, 10);
  const ref = minNormLeastSquares(x, y);
  assert.ok(ref.predictor !== null);
  assertAllClose(ref.predictor.data, [1 / 3, 29 / 6, -25 / 6], { rtol: 1e-14 });
  // From w₀ = (1, 0, 0): the nearest solution to w₀, t = ⟨w₀ − (0, 5, −4), v⟩/‖v‖² = 1/2.
  const from = minNormLeastSquares(x, y, Float64Array.of(1, 0, 0));
  assert.ok(from.predictor !== null);
  assertAllClose(from.predictor.data, [1, 4.5, -4.5], { rtol: 1e-14 });
});

Deno.test("minNormLeastSquares() interpolates and differs from w₀ only in the row space", () => {
  const data = gaussianRegressionData({ n: 5, d: 12, noise: 0, seed: 8 });
  const w0 = Float64Array.from({ length: 12 }, (_, j) => Math.sin(j));
  const ref = minNormLeastSquares(data.x, data.y, w0);
  assert.ok(ref.predictor !== null);
  const w = ref.predictor.data;
  for (let i = 0; i < 5; i++) {
    assertClose(data.x.subarray(i * 12, i * 12 + 12).reduce((s, v, j) => s + v * w[j]!, 0), data.y[i]!, {
      atol: 1e-12,
    });
  }
  // w − w₀ = Xᵀα: projecting it off the row space leaves nothing.
  const diff = w.map((v, j) => v - w0[j]!);
  const rows = Array.from({ length: 5 }, (_, i) => data.x.subarray(i * 12, i * 12 + 12));
  const back = minNormLeastSquares(data.x, Float64Array.from(rows, (r) => r.reduce((s, v, j) => s + v * diff[j]!, 0)));
  assert.ok(back.predictor !== null);
  assertAllClose(back.predictor.data, diff, { atol: 1e-12 });
});

Deno.test("minNormLeastSquares() of an overdetermined system is the least-squares fit", () => {
  // y = 2x + noise: the fit of the slope is Σxy/Σx².
  const x = Float64Array.of(1, 2, 3), y = Float64Array.of(2.1, 3.9, 6.2);
  const ref = minNormLeastSquares(x, y);
  assert.ok(ref.predictor !== null);
  assertClose(ref.predictor.data[0]!, (2.1 + 7.8 + 18.6) / 14, { rtol: 1e-14 });
  assert.throws(() => minNormLeastSquares(x, y, new Float64Array(2)), RangeError, "w0 has 2 entries");
});
