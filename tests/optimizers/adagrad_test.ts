import assert from "node:assert/strict";
import { adagrad } from "../../src/optimizers/adagrad.ts";
import { linearClassification } from "../../src/problems/linear_classification/linear_classification.ts";
import { assertAllClose } from "../_assert_close.ts";
import { iterates, quadratic } from "./_quadratic.ts";

Deno.test("adagrad() follows torch.optim.Adagrad on ½‖w − c‖²", () => {
  const opt = adagrad(quadratic([1, -2]), { lr: 0.5 });
  const got = iterates((w) => opt.step(w), [0, 0], 3);
  // Step 1 by hand: s = g², so w = −lr·g/(|g| + eps) = lr·sign(c)/(1 + eps/|g|).
  assertAllClose(got[0]!, [0.5 / (1 + 1e-10), -0.5 / (1 + 0.5e-10)], { rtol: 1e-16 });
  // Steps 2–3: the recurrence s ← s + g², w ← w − lr·g/(√s + eps) evaluated in NumPy.
  assertAllClose(got[1]!, [0.7236067976978675, -0.7999999999662], { rtol: 1e-15 });
  assertAllClose(got[2]!, [0.8436012639323167, -1.0163655337546813], { rtol: 1e-15 });
  assert.deepEqual(opt.state().sum?.shape, [2]);
});

Deno.test("adagrad() leaves coordinates with zero gradients alone and refuses non-finite gradients", () => {
  const opt = adagrad(quadratic([0, 1]), { lr: 1, eps: 0 });
  const w = new Float64Array(2);
  assert.ok(opt.step(w));
  assert.deepEqual(Array.from(w), [0, 1]);
  const exp = linearClassification({ n: 1, d: 1, x: Float64Array.of(1), y: Float64Array.of(1) }, {
    loss: "exp",
    reduction: "sum",
  });
  const far = Float64Array.of(-1e4);
  assert.equal(adagrad(exp, { lr: 1 }).step(far), false);
  assert.equal(far[0], -1e4);
});
