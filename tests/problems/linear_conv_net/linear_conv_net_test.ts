import assert from "node:assert/strict";
import { unitaryDft } from "../../../src/math/unitary_dft.ts";
import { labeledData } from "../../../src/problems/shared/labeled_data.ts";
import { linearClassification } from "../../../src/problems/linear_classification/linear_classification.ts";
import { linearConvNet } from "../../../src/problems/linear_conv_net/linear_conv_net.ts";
import { separableData } from "../../../src/problems/shared/separable_data.ts";
import { createRng } from "../../../src/random/rng.ts";
import { assertAllClose, assertClose } from "../../_assert_close.ts";
import { assertBatchGradientMatchesLoss } from "../_batch_gradient.ts";

const data = separableData({ n: 5, d: 6, margin: 0.1, seed: 8 });
const rng = createRng(9);
const randn = (k: number) => Float64Array.from({ length: k }, () => 0.7 * rng.normal());

Deno.test("linearConvNet() gradients match finite differences for depths 1 to 4", () => {
  for (const depth of [1, 2, 3, 4]) {
    for (const loss of ["logistic", "exp"] as const) {
      const p = linearConvNet(data, { depth, loss, reduction: "sum" });
      assertBatchGradientMatchesLoss(p, randn(p.size));
      assertBatchGradientMatchesLoss(p, randn(p.size), { rows: new Uint32Array([4, 1]) });
    }
  }
});

Deno.test("linearConvNet() predictor is the network's function: f(x) = ⟨β, x⟩ with β̂ = ∏ŵₗ", () => {
  const d = 6, depth = 3;
  const x = randn(d), w = randn(depth * d);
  const p = linearConvNet(labeledData([Array.from(x)], [1]), { depth, loss: "exp", reduction: "sum" });
  // Forward pass of the network itself: hₗ[i] = d^{-1/2}·Σₖ wₗ[k]·h_{l−1}[(i + k) mod d].
  let h = Array.from(x);
  for (let l = 0; l < depth - 1; l++) {
    h = h.map((_, i) => h.reduce((s, _v, k) => s + w[l * d + k]! * h[(i + k) % d]!, 0) / Math.sqrt(d));
  }
  const f = h.reduce((s, v, k) => s + v * w[(depth - 1) * d + k]!, 0);
  const beta = p.predictor(w).data;
  assertClose(beta.reduce((s, b, j) => s + b * x[j]!, 0), f, { rtol: 1e-13 });
  // Unitary DFT: β̂ is the product of the filters' transforms.
  const fb = unitaryDft(beta);
  const fw = Array.from({ length: depth }, (_, l) => unitaryDft(w.subarray(l * d, (l + 1) * d)));
  for (let k = 0; k < d; k++) {
    let re = 1, im = 0;
    for (const t of fw) [re, im] = [re * t.re[k]! - im * t.im[k]!, re * t.im[k]! + im * t.re[k]!];
    assertClose(fb.re[k]!, re, { atol: 1e-13 });
    assertClose(fb.im[k]!, im, { atol: 1e-13 });
  }
});

Deno.test("linearConvNet() of depth 1 is linear classification", () => {
  const net = linearConvNet(data, { depth: 1, loss: "exp", reduction: "mean" });
  const lin = linearClassification(data, { loss: "exp", reduction: "mean" });
  const w = randn(6), g1 = new Float64Array(6), g2 = new Float64Array(6);
  assertClose(net.gradient(w, g1, true), lin.gradient(w, g2, true), { rtol: 1e-14 });
  assertAllClose(g1, g2, { rtol: 1e-14 });
});

Deno.test("linearConvNet() identity filters give β = d^{−(L−1)/2}·δ₀ and the depth is checked", () => {
  const p = linearConvNet(data, { depth: 3, loss: "exp", reduction: "sum" });
  assertAllClose(p.predictor(p.identityParams!(2)).data, [8 / 6, 0, 0, 0, 0, 0], { rtol: 1e-15 });
  assert.deepEqual(Object.keys(p.params(p.identityParams!(1))), ["w1", "w2", "w3"]);
  assert.throws(() => linearConvNet(data, { depth: 0, loss: "exp", reduction: "sum" }), RangeError);
});
