import assert from "node:assert/strict";
import { maxMarginLinf } from "../../src/reference/max_margin_linf.ts";
import { minMargin } from "../../src/math/min_margin.ts";
import { soudryFig1 } from "../../src/problems/shared/soudry_fig1.ts";
import { linearClassification } from "../../src/problems/linear_classification/linear_classification.ts";
import { assertAllClose, assertClose } from "../_assert_close.ts";
import { bruteForceMargin2d } from "./_brute_force_margin.ts";

Deno.test("maxMarginLinf() of one point is sign(z)/‖z‖₁, margin ‖z‖₁", async () => {
  const ref = await maxMarginLinf(Float64Array.of(0.5, -2, 1), 3);
  assert.ok(ref.predictor !== null);
  assertAllClose(ref.predictor.data, [1 / 3.5, -1 / 3.5, 1 / 3.5], { rtol: 1e-12 });
  assertClose(ref.margin!, 3.5, { rtol: 1e-12 });
});

Deno.test("maxMarginLinf() matches a brute-force search over directions in 2-D", async () => {
  const z = linearClassification(soudryFig1(), { loss: "exp", reduction: "sum" }).z;
  const ref = await maxMarginLinf(z, 2);
  assert.ok(ref.predictor !== null);
  // The Figure 1 support vectors (0.5, 1.5), (1.5, 0.5) give ŵ ∝ (1, 1): margin 2.
  assertClose(ref.margin!, 2, { rtol: 1e-12 });
  assertClose(ref.margin!, bruteForceMargin2d(z, Infinity), { rtol: 1e-9 });
  assertClose(minMargin(z, ref.predictor.data, Infinity), ref.margin!, { rtol: 1e-12 });
});

Deno.test("maxMarginLinf() explains why there is no separator", async () => {
  const ref = await maxMarginLinf(Float64Array.of(1, 1, -2, -2), 2);
  assert.equal(ref.predictor, null);
  assert.match(ref.predictor === null ? ref.error : "", /not linearly separable/);
});
