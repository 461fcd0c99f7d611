import assert from "node:assert/strict";
import { Matrix, solve } from "ml-matrix";
import { maxMarginL2 } from "../../src/reference/max_margin_l2.ts";
import { linearClassification } from "../../src/problems/linear_classification/linear_classification.ts";
import { separableData } from "../../src/problems/shared/separable_data.ts";
import { soudryFig1 } from "../../src/problems/shared/soudry_fig1.ts";
import { createRng } from "../../src/random/rng.ts";
import { assertAllClose, assertClose } from "../_assert_close.ts";

function rows(z: Float64Array, d: number): number[][] {
  return Array.from({ length: z.length / d }, (_, i) => Array.from(z.subarray(i * d, i * d + d)));
}

Deno.test("maxMarginL2() matches ŵ = Zᵀ(ZZᵀ)⁻¹1 when every point is a support vector (1e-9)", async () => {
  const rng = createRng(21);
  let checked = 0;
  for (let trial = 0; checked < 5 && trial < 200; trial++) {
    const n = 3, d = 6;
    const z = Float64Array.from({ length: n * d }, () => rng.normal());
    const Z = new Matrix(rows(z, d));
    const alpha = solve(Z.mmul(Z.transpose()), Matrix.ones(n, 1)); // LU, independent of the solver's SVD
    if (alpha.getColumn(0).some((a) => a <= 1e-3)) continue; // the closed form needs α > 0
    const expected = Z.transpose().mmul(alpha).getColumn(0);
    const ref = await maxMarginL2(z, d);
    assert.ok(ref.predictor !== null);
    assertAllClose(ref.predictor.data, expected, { rtol: 1e-9, atol: 1e-9 }, `trial ${trial}`);
    assert.deepEqual(ref.support, [0, 1, 2]);
    checked++;
  }
  assert.equal(checked, 5);
});

Deno.test("maxMarginL2() finds (0.5, 0.5) with margin √2 on Soudry's Figure 1 data", async () => {
  const p = linearClassification(soudryFig1(), { loss: "logistic", reduction: "sum" });
  const ref = await maxMarginL2(p.z, 2);
  assert.ok(ref.predictor !== null);
  assertAllClose(ref.predictor.data, [0.5, 0.5], { atol: 1e-12 });
  assertClose(ref.margin!, Math.SQRT2, { rtol: 1e-12 });
  assert.deepEqual(ref.support, [0, 1, 2, 3]);
});

Deno.test("maxMarginL2() satisfies the KKT conditions on random separable data", async () => {
  for (const seed of [1, 2, 3]) {
    const data = separableData({ n: 40, d: 5, margin: 0.05, seed });
    const p = linearClassification(data, { loss: "logistic", reduction: "sum" });
    const ref = await maxMarginL2(p.z, 5);
    assert.ok(ref.predictor !== null);
    const w = ref.predictor.data;
    const zrows = rows(p.z, 5);
    // Primal feasibility: every margin ≥ 1.
    for (const r of zrows) assert.ok(r.reduce((s, v, j) => s + v * w[j]!, 0) >= 1 - 1e-9);
    // Stationarity with dual feasibility: w = Z_Sᵀα, α ≥ 0 (least squares on the support set).
    const zs = new Matrix(ref.support!.map((i) => zrows[i]!));
    const alpha = solve(zs.transpose(), Matrix.columnVector(Array.from(w)), true).getColumn(0);
    const back = zs.transpose().mmul(Matrix.columnVector(alpha)).getColumn(0);
    assertAllClose(back, w, { rtol: 1e-9, atol: 1e-12 }, `seed ${seed} stationarity`);
    assert.ok(alpha.every((a) => a >= -1e-9), `seed ${seed}: α = ${alpha}`);
  }
});

Deno.test("maxMarginL2() says why when the data are not linearly separable", async () => {
  const inseparable = await maxMarginL2(new Float64Array([1, 1, -1, -1, 0.5, 0.2]), 2);
  assert.equal(inseparable.predictor, null);
  assert.match((inseparable as { error: string }).error, /^The data are not linearly separable through the origin/);
  const zero = await maxMarginL2(new Float64Array([1, 1, 0, 0]), 2);
  assert.match((zero as { error: string }).error, /example 1 is the zero vector/);
});

Deno.test("maxMarginL2() rejects data that do not form rows", async () => {
  await assert.rejects(() => maxMarginL2(new Float64Array(5), 2), RangeError);
});
