import assert from "node:assert/strict";
import { labeledData } from "../../../src/problems/shared/labeled_data.ts";

Deno.test("labeledData() flattens rows and checks shape and labels", () => {
  const d = labeledData([[1, 2], [3, 4]], [1, -1]);
  assert.deepEqual(Array.from(d.x), [1, 2, 3, 4]);
  assert.throws(() => labeledData([], []), RangeError);
  assert.throws(() => labeledData([[1], [2, 3]], [1, 1]), RangeError, "point 1 has 2 features");
  assert.throws(() => labeledData([[1]], [2]), RangeError, "label 0 must be -1 or 1 but was 2");
  assert.throws(() => labeledData([[1]], [1, 1]), RangeError, "1 points but 2 labels");
});
