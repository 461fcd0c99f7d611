import assert from "node:assert/strict";
import { compileRun } from "../../../src/run/compile_run.ts";
import { nuclearNorm } from "../../../src/math/nuclear_norm.ts";
import { relativeError } from "../../../src/math/relative_error.ts";
import type { MatrixSensing } from "../../../src/problems/matrix_sensing/matrix_sensing.ts";
import { sensingReference } from "../../../src/problems/matrix_sensing/sensing_reference.ts";
import { assertClose } from "../../_assert_close.ts";

function sensing(measurements: unknown, extra: Record<string, unknown> = {}): MatrixSensing {
  return compileRun({ problem: { kind: "matrix-sensing", n: 12, measurements, ...extra }, steps: 1 })
    .problem as MatrixSensing;
}

Deno.test("sensingReference() recovers a low-rank truth from enough Gaussian measurements", async () => {
  // m = 3nr measurements of a rank-2 PSD matrix: nuclear norm minimization recovers it exactly.
  const p = sensing({ kind: "gaussian", m: 72, truthRank: 2, seed: 5 });
  const ref = await sensingReference(p);
  assert.ok(ref.predictor, ref.predictor === null ? ref.error : "");
  assert.equal(ref.kind, "min-trace-psd");
  assert.ok(relativeError(ref.predictor.data, p.truth!) < 1e-8);
});

Deno.test("sensingReference() uses the exact LP for diagonal sensing, PSD or not", async () => {
  for (const symmetric of [true, false]) {
    const p = sensing({ kind: "diagonal", m: 6, truthRank: 2, seed: 2 }, { symmetric });
    const ref = await sensingReference(p);
    assert.ok(ref.predictor);
    assert.equal(ref.kind, symmetric ? "min-trace-psd" : "min-nuclear-norm");
    // LP vertices are diagonal with at most m nonzeros.
    const data = ref.predictor.data;
    assert.ok(data.every((v, k) => v === 0 || k % 13 === 0));
    assert.ok(data.filter((v) => v !== 0).length <= 6);
    assert.ok(nuclearNorm(data, 12) <= 1 + 1e-9, "no larger than the truth's, which is feasible");
  }
});

Deno.test("sensingReference() completes a general (UVᵀ) matrix by min nuclear norm", async () => {
  const p = sensing({ kind: "completion", m: 130, truthRank: 1, seed: 1, scale: 3 }, { symmetric: false });
  const ref = await sensingReference(p);
  assert.ok(ref.predictor);
  assert.equal(ref.kind, "min-nuclear-norm");
  const norm = nuclearNorm(ref.predictor.data, 12);
  assert.ok(norm <= 3 * (1 + 1e-8));
  assertClose(norm, 3, { rtol: 1e-6 }); // rank one from 130 of 144 entries: recovered
});
