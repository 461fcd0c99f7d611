import assert from "node:assert/strict";
import { marginDft } from "../../src/operators/margin_dft.ts";
import { assertClose } from "../_assert_close.ts";
import { metricsOf } from "./_apply.ts";
import { snapshotOf } from "./_snapshot.ts";

/** A snapshot whose predictor has the given shape. */
function shaped(shape: number[], data: number[]) {
  return snapshotOf([], { predictor: { shape, data: Float64Array.from(data) } });
}

Deno.test("marginDft() is the smallest margin over the DFT-ℓ1 norm of β", async () => {
  const z = new Float64Array([1, 2, -1, -2, 2, 0, 0, 0]); // two examples, d = 4
  const beta = [0.1, 0.2, -0.1, -0.2]; // margins 1 and 0.2; β̂ on frequencies 1, 3 with |β̂| = √0.05 each
  const m = await metricsOf(marginDft({ z }), shaped([4], beta));
  assertClose(m.margin_dft!, 0.2 / (2 * Math.sqrt(0.05)), { rtol: 1e-14 });
  assert.ok(Number.isNaN((await metricsOf(marginDft({ z }), shaped([4], [0, 0, 0, 0]))).margin_dft!));
});
