import assert from "node:assert/strict";
import { labeledData } from "../../../src/problems/shared/labeled_data.ts";
import { linearClassification } from "../../../src/problems/linear_classification/linear_classification.ts";
import { linearNet } from "../../../src/problems/linear_net/linear_net.ts";
import { separableData } from "../../../src/problems/shared/separable_data.ts";
import { createRng } from "../../../src/random/rng.ts";
import { assertAllClose } from "../../_assert_close.ts";
import { assertBatchGradientMatchesLoss } from "../_batch_gradient.ts";

const data = separableData({ n: 7, d: 4, margin: 0.1, seed: 2 });
const rng = createRng(5);
const randn = (k: number) => Float64Array.from({ length: k }, () => 0.6 * rng.normal());

Deno.test("linearNet() gradients match finite differences for depths 1 to 4 and both losses", () => {
  for (const widths of [[], [3], [5, 2], [3, 3, 3]]) {
    for (const loss of ["logistic", "exp"] as const) {
      const p = linearNet(data, { widths, loss, reduction: loss === "exp" ? "mean" : "sum" });
      assertBatchGradientMatchesLoss(p, randn(p.size));
      assertBatchGradientMatchesLoss(p, randn(p.size), { rows: new Uint32Array([6, 2, 2]) });
    }
  }
});

Deno.test("linearNet() predictor is (W_L⋯W₁)ᵀ", () => {
  const p = linearNet(labeledData([[1, 2]], [1]), { widths: [3], loss: "logistic", reduction: "sum" });
  const w = new Float64Array([1, 0, 0, 1, 1, 1, 2, -1, 3]); // W₁ = [[1,0],[0,1],[1,1]], W₂ = [2, −1, 3]
  assert.deepEqual(Array.from(p.predictor(w).data), [2 + 3, -1 + 3]);
  assert.deepEqual(p.layers, [[3, 2], [1, 3]]);
  assert.deepEqual(p.params(w).W2!.shape, [1, 3]);
});

Deno.test("linearNet() of depth 1 is linear classification", () => {
  const net = linearNet(data, { widths: [], loss: "logistic", reduction: "sum" });
  const lin = linearClassification(data, { loss: "logistic", reduction: "sum" });
  const w = randn(4), g1 = new Float64Array(4), g2 = new Float64Array(4);
  assertAllClose([net.gradient(w, g1, true)], [lin.gradient(w, g2, true)], { rtol: 1e-14 });
  assertAllClose(g1, g2, { rtol: 1e-14 });
});

Deno.test("linearNet() at zero weights is a saddle: the gradient vanishes for depth ≥ 2", () => {
  const p = linearNet(data, { widths: [3], loss: "logistic", reduction: "sum" });
  const g = new Float64Array(p.size);
  p.gradient(new Float64Array(p.size), g, false);
  assert.ok(g.every((v) => v === 0));
});
