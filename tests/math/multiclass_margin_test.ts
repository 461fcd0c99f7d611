import assert from "node:assert/strict";
import { multiclassMargin } from "../../src/math/multiclass_margin.ts";
import { keslerRows } from "../../src/math/kesler_rows.ts";
import { minMargin } from "../../src/math/min_margin.ts";
import { separableMulticlassData } from "../../src/problems/shared/separable_multiclass_data.ts";
import { assertClose } from "../_assert_close.ts";

Deno.test("multiclassMargin() equals the binary margin of vec W on the Kesler rows", () => {
  const data = separableMulticlassData({ n: 12, d: 3, classes: 4, margin: 0.1, seed: 3 });
  const z = keslerRows(data.x, data.y, 4);
  const w = Float64Array.from({ length: 12 }, (_, j) => Math.sin(2 * j + 1));
  for (const p of [1, 2, 3, Infinity]) {
    assertClose(
      multiclassMargin(data.x, data.y, w, { classes: 4, p }),
      minMargin(z, w, p),
      { rtol: 1e-13 },
      `p = ${p}`,
    );
  }
});

Deno.test("multiclassMargin() is NaN for W = 0 and checks shapes", () => {
  assert.ok(Number.isNaN(multiclassMargin([1, 2], [0], [0, 0, 0, 0], { classes: 2 })));
  assert.throws(() => multiclassMargin([1, 2], [0], [0, 0, 0], { classes: 2 }), RangeError);
  assert.throws(() => multiclassMargin([1, 2, 3], [0], [1, 0, 0, 1], { classes: 2 }), RangeError);
});
