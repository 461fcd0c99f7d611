import assert from "node:assert/strict";
import { marginHistogram } from "../../src/viewer/margin_histogram.ts";

Deno.test("`marginHistogram()` bins yᵢ⟨w, xᵢ⟩/‖w‖ and puts values outside into the end bins", () => {
  const x = [[1, 0], [0, 1], [-1, 0], [3, 4], [100, 0]];
  const y = [1, 1, 1, -1, 1];
  // w = (2, 0): margins 1, 0, -1, -3, 100
  assert.deepEqual(marginHistogram(x, y, [2, 0], [-2, -0.5, 0.5, 2]), [2, 1, 2]);
});

Deno.test("`marginHistogram()` does not depend on the scale of w", () => {
  const x = [[1, 2], [2, -1], [-3, 1]];
  const y = [1, -1, 1];
  const edges = [-4, -2, 0, 2, 4];
  assert.deepEqual(marginHistogram(x, y, [1, 1], edges), marginHistogram(x, y, [1e-9, 1e-9], edges));
});

Deno.test("`marginHistogram()` returns null for w = 0 (no direction yet)", () => {
  assert.equal(marginHistogram([[1, 1]], [1], [0, 0], [0, 1]), null);
});
