import assert from "node:assert/strict";
import { referenceSpectrum } from "../../src/viewer/reference_spectrum.ts";
import { assertAllClose } from "../_assert_close.ts";

Deno.test("referenceSpectrum() draws a min-nuclear-norm X̄ as is and rescales a max-margin one to the run's ‖X‖_*", () => {
  // X̄ = diag(3, 1) rotated: σ = (3, 1).
  const c = Math.cos(0.3), s = Math.sin(0.3);
  const data = [3 * c * c + s * s, (3 - 1) * c * s, (3 - 1) * c * s, 3 * s * s + c * c];
  const limit = referenceSpectrum({ kind: "min-trace-psd", shape: [2, 2], data }, 100)!;
  assert.equal(limit.scaled, false);
  assertAllClose(limit.values, [3, 1], { rtol: 1e-12 });
  const direction = referenceSpectrum({ kind: "max-margin-trace-psd", shape: [2, 2], data }, 100)!;
  assert.equal(direction.scaled, true);
  assertAllClose(direction.values, [75, 25], { rtol: 1e-12 });
  // Without the run's norm yet, as is; at most `count` values; vectors have no spectrum.
  assert.equal(referenceSpectrum({ kind: "max-margin-nuclear", shape: [2, 2], data }, NaN)!.scaled, false);
  assert.equal(referenceSpectrum({ kind: "min-trace-psd", shape: [2, 2], data }, 1, 1)!.values.length, 1);
  assert.equal(referenceSpectrum({ kind: "max-margin-l2", shape: [2], data: [1, 2] }, 1), null);
  assert.equal(referenceSpectrum(null, 1), null);
  // Rounding of X̄'s exact zeros stays off the log axis.
  assert.deepEqual(referenceSpectrum({ kind: "min-trace-psd", shape: [2, 2], data: [2, 0, 0, 1e-15] }, 1)!.values, [2]);
});
