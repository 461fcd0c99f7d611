import assert from "node:assert/strict";
import { dftSpectrum } from "../../src/operators/dft_spectrum.ts";
import { assertClose } from "../_assert_close.ts";
import { metricsOf } from "./_apply.ts";
import { snapshotOf } from "./_snapshot.ts";

/** A snapshot whose predictor has the given shape. */
function shaped(shape: number[], data: number[]) {
  return snapshotOf([], { predictor: { shape, data: Float64Array.from(data) } });
}

Deno.test("dftSpectrum() adds the half spectrum |β̂ₖ| and its full ℓ1 norm", async () => {
  // cos(2πj/4) = [1, 0, −1, 0]: β̂₁ = β̂₃ = 1 (unitary), nothing else.
  const m = await metricsOf(dftSpectrum(), shaped([4], [1, 0, -1, 0]));
  assert.deepEqual(Object.keys(m).sort(), ["dft_0", "dft_1", "dft_2", "norm_dft_l1"]);
  assertClose(m.dft_1!, 1, { rtol: 1e-15 });
  assertClose(m.dft_0!, 0, { atol: 1e-16 });
  assertClose(m.norm_dft_l1!, 2, { rtol: 1e-15 });
  const odd = await metricsOf(dftSpectrum(), shaped([5], [1, 0, 0, 0, 0]));
  assert.deepEqual(Object.keys(odd).sort(), ["dft_0", "dft_1", "dft_2", "norm_dft_l1"]);
  assertClose(odd.norm_dft_l1!, 5 / Math.sqrt(5), { rtol: 1e-14 });
});
