import assert from "node:assert/strict";
import { adam } from "../../src/optimizers/adam.ts";
import { assertAllClose } from "../_assert_close.ts";
import { iterates, quadratic } from "./_quadratic.ts";

Deno.test("adam() follows torch.optim.Adam with its default betas and eps", () => {
  const opt = adam(quadratic([1, -2]), { lr: 0.1 });
  const got = iterates((w) => opt.step(w), [0, 0], 3);
  // Step 1 by hand: bias correction makes m̂ = g and √v̂ = |g|, so w = −lr·g/(|g| + eps).
  assertAllClose(got[0]!, [0.1 / (1 + 1e-8), -0.1 / (1 + 0.5e-8)], { rtol: 1e-15 });
  // Steps 2–3: PyTorch's recurrence (m lerp, v, lr/(1 − β₁ᵗ), √v/√(1 − β₂ᵗ) + eps) in NumPy.
  assertAllClose(got[1]!, [0.1995877702876619, -0.19983351337890715], { rtol: 1e-14 });
  assertAllClose(got[2]!, [0.29841372549558504, -0.29937660718788606], { rtol: 1e-14 });
  assert.deepEqual(Array.from(opt.state().step!.data), [3]);
});

Deno.test("adam() with β₁ = 0 and β₂ → 0 is sign descent", () => {
  const opt = adam(quadratic([3, -0.5, 0]), { lr: 0.1, beta1: 0, beta2: 0, eps: 0 });
  const w = new Float64Array(3);
  assert.ok(opt.step(w));
  assert.deepEqual(Array.from(w), [0.1, -0.1, 0]);
});
