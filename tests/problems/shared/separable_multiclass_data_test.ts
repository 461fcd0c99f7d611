import assert from "node:assert/strict";
import { separableMulticlassData } from "../../../src/problems/shared/separable_multiclass_data.ts";
import { multiclassSvm } from "../../../src/reference/multiclass_svm.ts";

Deno.test("separableMulticlassData() gives balanced, separable classes", async () => {
  const data = separableMulticlassData({ n: 12, d: 3, classes: 4, margin: 0.2, seed: 7 });
  assert.deepEqual(Array.from(data.y), [0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3]);
  const svm = await multiclassSvm(data.x, data.y, 4);
  assert.ok(svm.predictor !== null, "a linear k-class separator exists");
  assert.deepEqual(data, separableMulticlassData({ n: 12, d: 3, classes: 4, margin: 0.2, seed: 7 }));
});

Deno.test("separableMulticlassData() rejects impossible options", () => {
  assert.throws(
    () => separableMulticlassData({ n: 3, d: 1, classes: 3, margin: 0, seed: 0 }),
    RangeError,
    "need d ≥ 2",
  );
  assert.throws(() => separableMulticlassData({ n: 3, d: 2, classes: 1, margin: 0, seed: 0 }), RangeError);
});
