import { cosineTo } from "../../src/operators/cosine_to.ts";
import { assertClose } from "../_assert_close.ts";
import { metricsOf } from "./_apply.ts";
import { snapshotOf } from "./_snapshot.ts";

Deno.test("cosineTo() adds cos_ref against a tensor or an array", async () => {
  assertClose((await metricsOf(cosineTo([1, 0]), snapshotOf([1, 1]))).cos_ref!, Math.SQRT1_2, { rtol: 1e-15 });
  const ref = { shape: [2], data: new Float64Array([0, 2]) };
  assertClose((await metricsOf(cosineTo(ref, { name: "c" }), snapshotOf([1, 1]))).c!, Math.SQRT1_2, { rtol: 1e-15 });
});
