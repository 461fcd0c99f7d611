import assert from "node:assert/strict";
import { dualOrder, normOrder } from "../../src/optimizers/norm_order.ts";
import { assertClose } from "../_assert_close.ts";

Deno.test("normOrder() reads spec names and dualOrder() pairs 1/p + 1/q = 1", () => {
  assert.equal(normOrder("l1"), 1);
  assert.equal(normOrder("l2"), 2);
  assert.equal(normOrder("linf"), Infinity);
  assert.equal(normOrder(3), 3);
  assert.throws(() => normOrder(0.5), RangeError, "p = 0.5");
  assert.equal(dualOrder(1), Infinity);
  assert.equal(dualOrder(Infinity), 1);
  assert.equal(dualOrder(2), 2);
  for (const p of [1.1, 4 / 3, 3, 17]) assertClose(1 / p + 1 / dualOrder(p), 1, { rtol: 1e-15 });
});
