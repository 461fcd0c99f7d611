import assert from "node:assert/strict";
import { meanSquaredError } from "../../src/math/mean_squared_error.ts";

Deno.test("meanSquaredError() is the mean of squared residuals", () => {
  const x = new Float64Array([1, 0, 0, 1, 1, 1]);
  const y = new Float64Array([1, 2, 0]);
  // predictions with β = (1, 1): 1, 1, 2 → residuals 0, −1, 2
  assert.equal(meanSquaredError(x, y, new Float64Array([1, 1])), 5 / 3);
  assert.throws(() => meanSquaredError(x, y, new Float64Array(3)), RangeError);
});
