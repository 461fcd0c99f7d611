import assert from "node:assert/strict";
import { matrixSensing } from "../../../src/problems/matrix_sensing/matrix_sensing.ts";
import { sensingData } from "../../../src/problems/shared/sensing_data.ts";
import { createRng } from "../../../src/random/rng.ts";
import { assertAllClose, assertClose } from "../../_assert_close.ts";
import { assertBatchGradientMatchesLoss } from "../_batch_gradient.ts";

const rng = createRng(21);
const randn = (k: number) => Float64Array.from({ length: k }, () => 0.5 * rng.normal());

Deno.test("matrixSensing() gradients match finite differences for every kind, symmetric or not", () => {
  for (const symmetric of [true, false]) {
    for (
      const meas of [
        { kind: "gaussian", m: 8, truthRank: 2, seed: 1, scale: 1, rng: "biasflow" },
        { kind: "completion", m: 9, truthRank: 1, seed: 1, scale: 1 },
        { kind: "diagonal", m: 3, truthRank: 2, seed: 1, scale: 1 },
      ] as const
    ) {
      for (const reduction of ["mean", "sum"] as const) {
        const p = matrixSensing(sensingData(meas, { n: 4, symmetric }), { rank: 3, symmetric, reduction });
        assertBatchGradientMatchesLoss(p, randn(p.size));
      }
    }
  }
});

Deno.test("matrixSensing() batches follow the listed measurements with the batch's reduction", () => {
  const p = matrixSensing(
    sensingData({ kind: "gaussian", m: 8, truthRank: 2, seed: 3, scale: 1, rng: "biasflow" }, {
      n: 4,
      symmetric: true,
    }),
    { rank: 4, symmetric: true, reduction: "mean" },
  );
  const u = randn(p.size);
  assertBatchGradientMatchesLoss(p, u, { rows: new Uint32Array([5, 1, 7, 0]), count: 3 });
  // The batch of all rows in order is the full objective.
  const g1 = new Float64Array(p.size), g2 = new Float64Array(p.size);
  const l1 = p.gradient(u, g1, true), l2 = p.gradient(u, g2, true, Uint32Array.from({ length: 8 }, (_, i) => i));
  assertClose(l1, l2, { rtol: 1e-14 });
  assertAllClose(g1, g2, { rtol: 1e-13, atol: 1e-15 });
});

Deno.test("matrixSensing() mean loss is (1/2m)·Σr², sum drops the 1/m, at X = UUᵀ", () => {
  const data = sensingData(
    { kind: "points", a: [[[1, 0], [0, 0]], [[0, 1], [1, 0]], [[0, 0], [0, 2]]], y: [1, 1, 1] },
    {
      n: 2,
      symmetric: true,
    },
  );
  const mean = matrixSensing(data, { rank: 2, symmetric: true, reduction: "mean" });
  const sum = matrixSensing(data, { rank: 2, symmetric: true, reduction: "sum" });
  const u = new Float64Array([1, 2, 0, 1]); // X = UUᵀ = [[5, 2], [2, 1]]
  assert.deepEqual(Array.from(mean.predictor(u).data), [5, 2, 2, 1]);
  // residuals: 5 − 1, 2·2 − 1, 2·1 − 1 = 4, 3, 1
  const g = new Float64Array(4);
  assertClose(mean.gradient(u, g, true), (16 + 9 + 1) / 6, { rtol: 1e-15 });
  assertClose(sum.gradient(u, g, true), (16 + 9 + 1) / 2, { rtol: 1e-15 });
  // ∇ = (2/m)·G·U with G = Σ rᵢAᵢ = [[4, 3], [3, 2]]
  mean.gradient(u, g, false);
  assertAllClose(g, [(2 / 3) * 4, (2 / 3) * 11, (2 / 3) * 3, (2 / 3) * 8], { rtol: 1e-15 });
});

Deno.test("matrixSensing() identity params give X = s²·I (UUᵀ) or s²·I (UVᵀ), rectangular when r < n", () => {
  const data = sensingData({ kind: "diagonal", m: 2, truthRank: 1, seed: 0, scale: 1 }, { n: 3, symmetric: true });
  const sym = matrixSensing(data, { rank: 3, symmetric: true, reduction: "mean" });
  assert.deepEqual(Array.from(sym.predictor(sym.identityParams!(0.5)).data), [0.25, 0, 0, 0, 0.25, 0, 0, 0, 0.25]);
  const thin = matrixSensing(data, { rank: 2, symmetric: false, reduction: "mean" });
  assert.equal(thin.size, 12);
  assert.deepEqual(Array.from(thin.predictor(thin.identityParams!(2)).data), [4, 0, 0, 0, 4, 0, 0, 0, 0]);
  assert.deepEqual(Object.keys(thin.params(thin.identityParams!(1))), ["U", "V"]);
});

Deno.test("matrixSensing() refuses X = UUᵀ on non-symmetric sensing", () => {
  const data = sensingData({ kind: "points", a: [[[1, 2], [0, 0]]], y: [1] }, { n: 2, symmetric: false });
  assert.throws(() => matrixSensing(data, { rank: 2, symmetric: true, reduction: "mean" }), /non-symmetric/);
});
