import assert from "node:assert/strict";
import { multiclassSvm } from "../../src/reference/multiclass_svm.ts";
import { maxMarginL2 } from "../../src/reference/max_margin_l2.ts";
import { separableData } from "../../src/problems/shared/separable_data.ts";
import { linearClassification } from "../../src/problems/linear_classification/linear_classification.ts";
import { assertAllClose, assertClose } from "../_assert_close.ts";

Deno.test("multiclassSvm() of three unit vectors at 120° is W = (2/3)·X", async () => {
  // By symmetry the optimum is w_c = a·x_c; ⟨w_y − w_c, x_y⟩ = a(1 − cos 120°) = 1.5a = 1.
  const x = new Float64Array(
    [0, 1, 2].flatMap((c) => [Math.cos((2 * Math.PI * c) / 3), Math.sin((2 * Math.PI * c) / 3)]),
  );
  const ref = await multiclassSvm(x, Float64Array.of(0, 1, 2), 3);
  assert.ok(ref.predictor !== null);
  assert.deepEqual(ref.predictor.shape, [3, 2]);
  assertAllClose(ref.predictor.data, x.map((v) => (2 / 3) * v), { atol: 1e-12 });
  assertClose(ref.margin!, 1 / Math.sqrt(4 / 3), { rtol: 1e-12 });
});

Deno.test("multiclassSvm() with two classes is the binary SVM split as [−ŵ/2; ŵ/2]", async () => {
  const data = separableData({ n: 12, d: 4, margin: 0.1, seed: 5 });
  const labels = data.y.map((v) => (v > 0 ? 1 : 0));
  const multi = await multiclassSvm(data.x, labels, 2);
  const binary = await maxMarginL2(linearClassification(data, { loss: "exp", reduction: "sum" }).z, 4);
  assert.ok(multi.predictor !== null && binary.predictor !== null);
  const half = binary.predictor.data.map((v) => v / 2);
  assertAllClose(multi.predictor.data, [...half.map((v) => -v), ...half], { rtol: 1e-9, atol: 1e-12 });
});

Deno.test("multiclassSvm() explains why there is no separator", async () => {
  // The same point in two classes.
  const ref = await multiclassSvm(Float64Array.of(1, 1, 1, 1), Float64Array.of(0, 1), 2);
  assert.equal(ref.predictor, null);
  assert.match(ref.predictor === null ? ref.error : "", /not separable by a linear k-class predictor/);
});
