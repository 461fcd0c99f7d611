/**
 * Matrix sensing with a factorized X = UUᵀ, docs/experiments.md §5 (Gunasekar et al.,
 * NeurIPS 2017; Wu & Rebeschini, NeurIPS 2021): from U₀ = √α·I, GD's limit
 * approaches the minimum nuclear norm solution as α → 0, slowly in α.
 */
import assert from "node:assert/strict";
import { alphaSweep, WU_REBESCHINI_TABLE } from "../../examples/matrix_sensing_alpha_sweep.ts";
import { presetSpec } from "../../src/presets/presets.ts";
import { assertClose } from "../_assert_close.ts";

// Wu & Rebeschini's gd() on their instance, run in NumPy by tests/fixtures/wu_rebeschini_gd.py.
const numpy = JSON.parse(Deno.readTextFileSync(new URL("../fixtures/wu_rebeschini_gd.json", import.meta.url)));

// Experiment 5: n = 50, m = 750, rank-5 X* with ‖X*‖_* = 1, U₀ = √α·I, η = 1, 5000 steps.
Deno.test("alphaSweep() reproduces Wu & Rebeschini's nuclear norms and recovery errors, falling towards the minimum", async () => {
  const { rows, referenceNorm } = await alphaSweep();
  assertClose(referenceNorm, 1, { rtol: 1e-8 }); // 3nr measurements: nuclear norm minimization recovers X*
  rows.forEach((row, i) => {
    const paper = WU_REBESCHINI_TABLE[i]!, ours = numpy.rows[i];
    assert.equal(row.alpha, paper.alpha);
    assert.equal(row.step, 5000);
    // The paper's table, within 3%.
    assertClose(row.normNuclear, paper.normNuclear, { rtol: 0.03 }, `‖X‖_* at α = ${row.alpha}`);
    assertClose(row.relErrTruth, paper.relErrTruth, { rtol: 0.03 }, `‖X − X*‖/‖X*‖ at α = ${row.alpha}`);
    // The same instance and iteration run in NumPy, to rounding.
    assertClose(row.normNuclear, ours.norm_nuclear, { rtol: 1e-8 }, `NumPy ‖X‖_* at α = ${row.alpha}`);
    assertClose(row.relErrTruth, ours.rel_err_truth, { rtol: 1e-7 }, `NumPy error at α = ${row.alpha}`);
    assert.ok(row.loss < 1e-6, `α = ${row.alpha}: loss ${row.loss}: not an interpolating solution`);
  });
  // Monotone in α, towards the minimum nuclear norm solution, never below it.
  for (let i = 1; i < rows.length; i++) {
    assert.ok(rows[i]!.normNuclear < rows[i - 1]!.normNuclear);
    assert.ok(rows[i]!.relErrRef < rows[i - 1]!.relErrRef);
  }
  assert.ok(rows.every((r) => r.normNuclear > referenceNorm * (1 - 1e-6)));
  assert.ok(rows.at(-1)!.normNuclear < referenceNorm * 1.005);
});

// Commuting (diagonal) sensing: GD on U is mirror descent with an entropy potential; its limit
// approaches the ℓ1-minimal (LP) solution slowly in α: monotone over orders of magnitude.
Deno.test("alphaSweep() on diagonal sensing approaches the exact LP solution monotonically in α", async () => {
  const { rows, referenceNorm } = await alphaSweep({
    spec: presetSpec("matrix-sensing-diagonal"),
    alphas: [1e-1, 1e-2, 1e-4, 1e-8, 1e-12],
  });
  const gaps = rows.map((r) => r.normNuclear - referenceNorm);
  for (let i = 1; i < gaps.length; i++) assert.ok(gaps[i]! < 0.5 * gaps[i - 1]!, `gaps ${gaps}`);
  assert.ok(gaps.every((g) => g > -1e-6 * referenceNorm), `a limit below the LP minimum: ${gaps}`);
  assert.ok(gaps.at(-1)! < 1e-4 * referenceNorm, `gap ${gaps.at(-1)} at α = 1e-12`);
  assert.ok(rows.at(-1)!.relErrRef < 1e-3);
});
