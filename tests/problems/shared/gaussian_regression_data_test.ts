import assert from "node:assert/strict";
import { gaussianRegressionData } from "../../../src/problems/shared/gaussian_regression_data.ts";

Deno.test("gaussianRegressionData() is reproducible and noise only moves the targets", () => {
  const a = gaussianRegressionData({ n: 5, d: 8, noise: 0, seed: 2 });
  assert.deepEqual(a, gaussianRegressionData({ n: 5, d: 8, noise: 0, seed: 2 }));
  const b = gaussianRegressionData({ n: 5, d: 8, noise: 0.5, seed: 2 });
  // The same stream draws the teacher and x first, then one noise draw per target after each row.
  assert.deepEqual(Array.from(b.x.subarray(0, 8)), Array.from(a.x.subarray(0, 8)));
  assert.notDeepEqual(b.y, a.y);
  assert.throws(() => gaussianRegressionData({ n: 0, d: 2, noise: 0, seed: 0 }), RangeError);
  assert.throws(() => gaussianRegressionData({ n: 2, d: 2, noise: -1, seed: 0 }), RangeError, "noise");
});
