import assert from "node:assert/strict";
import { compileRun } from "../../src/engine/compile_run.ts";
import { sigmaMax } from "../../src/math/sigma_max.ts";
import { PRESETS, presetSpec } from "../../src/presets/presets.ts";
import { soudryFig1 } from "../../src/problems/soudry_fig1.ts";

Deno.test("PRESETS all compile, with a description and a source", () => {
  for (const [name, preset] of Object.entries(PRESETS)) {
    assert.ok(preset.description.length > 10 && preset.source.length > 5, name);
    compileRun(preset.spec);
  }
});

Deno.test("presetSpec() gives soudry-fig1 with η = 1/σ_max(X) and a fresh copy each time", () => {
  const spec = presetSpec("soudry-fig1");
  assert.equal((spec.optimizer as { lr: number }).lr, 1 / sigmaMax(soudryFig1().x, 2));
  (spec as { steps: number }).steps = 3;
  assert.equal(presetSpec("soudry-fig1").steps, 1_000_000);
  assert.throws(() => presetSpec("nope"), RangeError, 'Unknown preset "nope"; the presets are soudry-fig1');
  assert.throws(() => presetSpec("toString"), RangeError);
});
