import assert from "node:assert/strict";
import { rmsprop } from "../../src/optimizers/rmsprop.ts";
import { assertAllClose } from "../_assert_close.ts";
import { iterates, quadratic } from "./_quadratic.ts";

// Expected iterates: torch.optim.RMSprop's documented recurrence evaluated in NumPy
// (v ← αv + (1 − α)g², w ← w − lr·g/(√v + eps), with the momentum and centered variants).
Deno.test("rmsprop() follows torch.optim.RMSprop with its defaults", () => {
  const opt = rmsprop(quadratic([1, -2]), { lr: 0.01 });
  const got = iterates((w) => opt.step(w), [0, 0], 3);
  // Step 1 by hand: √v = 0.1|g|, so w = 0.01·sign(c)/(0.1 + 1e-8/|g|).
  assertAllClose(got[0]!, [0.01 / (0.1 + 1e-8), -0.01 / (0.1 + 0.5e-8)], { rtol: 1e-15 });
  assertAllClose(got[1]!, [0.16708202473494074, -0.16905666718271523], { rtol: 1e-14 });
  assertAllClose(got[2]!, [0.2200177180176459, -0.22465054990078198], { rtol: 1e-14 });
});

Deno.test("rmsprop() with momentum and centering follows PyTorch's variants", () => {
  const mom = rmsprop(quadratic([1, -2]), { lr: 0.01, momentum: 0.9 });
  assertAllClose(iterates((w) => mom.step(w), [0, 0], 3)[2]!, [0.447085046765592, -0.45587002505117036], {
    rtol: 1e-14,
  });
  const centered = rmsprop(quadratic([1, -2]), { lr: 0.01, centered: true });
  assertAllClose(iterates((w) => centered.step(w), [0, 0], 3)[2]!, [0.22193158036865585, -0.22666458099746212], {
    rtol: 1e-14,
  });
  assert.deepEqual(Object.keys(mom.state()).sort(), ["momentum", "square_avg"]);
  assert.deepEqual(Object.keys(centered.state()).sort(), ["grad_avg", "square_avg"]);
});
