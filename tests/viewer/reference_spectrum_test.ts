import assert from "node:assert/strict";
import { referenceSpectrum } from "../../src/viewer/reference_spectrum.ts";
import { assertAllClose, assertClose } from "../_assert_close.ts";

Deno.test("referenceSpectrum() gives the nonzero singular values of any 2-D reference, largest first", () => {
  // X̄ = u vᵀ·3 + a second rank-1 term ·1 with orthonormal u's and v's: singular values 3 and 1.
  const s = Math.SQRT1_2;
  const u1 = [s, s, 0], u2 = [s, -s, 0], v1 = [1, 0], v2 = [0, 1];
  const data = u1.flatMap((a, i) => v1.map((b, j) => 3 * a * b + u2[i]! * v2[j]!));
  const sv = referenceSpectrum({ kind: "min-nuclear-norm", shape: [3, 2], data })!;
  assert.equal(sv.length, 2);
  assertClose(sv[0]!, 3, { rtol: 1e-12 });
  assertClose(sv[1]!, 1, { rtol: 1e-12 });
  const rank1 = referenceSpectrum({ kind: "some-future-kind", shape: [2, 2], data: [1, 1, 1, 1] })!;
  assert.equal(rank1.length, 1, "σ₂ = 0 is dropped");
  const ref = { kind: "min-trace-psd", shape: [2, 2], data: [2, 0, 0, 1] };
  assert.equal(referenceSpectrum(ref), referenceSpectrum(ref), "cached per reference object");
  assert.equal(referenceSpectrum(null), null);
  assert.equal(referenceSpectrum({ kind: "x", shape: [2, 2], data: [1] }), null);
});

Deno.test("referenceSpectrum() rescales a max-margin X̄ to the run's ‖X‖_*, and leaves a min-nuclear-norm X̄ as is", () => {
  // X̄ = diag(3, 1) rotated: σ = (3, 1).
  const c = Math.cos(0.3), s = Math.sin(0.3);
  const data = [3 * c * c + s * s, (3 - 1) * c * s, (3 - 1) * c * s, 3 * s * s + c * c];
  assertAllClose(referenceSpectrum({ kind: "min-trace-psd", shape: [2, 2], data }, 100)!, [3, 1], { rtol: 1e-12 });
  assertAllClose(referenceSpectrum({ kind: "max-margin-trace-psd", shape: [2, 2], data }, 100)!, [75, 25], {
    rtol: 1e-12,
  });
  // Without the run's norm yet, as is.
  assertAllClose(referenceSpectrum({ kind: "max-margin-nuclear", shape: [2, 2], data }, NaN)!, [3, 1], { rtol: 1e-12 });
});
