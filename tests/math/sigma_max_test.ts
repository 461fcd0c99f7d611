import assert from "node:assert/strict";
import { Matrix, SingularValueDecomposition } from "ml-matrix";
import { sigmaMax } from "../../src/math/sigma_max.ts";
import { createRng } from "../../src/random/rng.ts";
import { assertClose } from "../_assert_close.ts";

Deno.test("sigmaMax() agrees with ml-matrix's SVD on random matrices", () => {
  const rng = createRng(3);
  for (const [n, d] of [[7, 3], [3, 7], [40, 6]] as const) {
    const x = Float64Array.from({ length: n * d }, () => rng.normal());
    const rows = Array.from({ length: n }, (_, i) => Array.from(x.subarray(i * d, i * d + d)));
    const svd = new SingularValueDecomposition(new Matrix(rows));
    assertClose(sigmaMax(x, d), Math.max(...svd.diagonal), { rtol: 1e-10 }, `${n}×${d}`);
  }
});

Deno.test("sigmaMax() is 0 for the zero matrix and checks the shape", () => {
  assert.equal(sigmaMax(new Float64Array(6), 3), 0);
  assert.throws(() => sigmaMax(new Float64Array(5), 2), RangeError);
});
