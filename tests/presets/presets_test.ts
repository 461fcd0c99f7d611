import assert from "node:assert/strict";
import { compileRun } from "../../src/run/compile_run.ts";
import { sigmaMax } from "../../src/math/sigma_max.ts";
import { presets, presetSpec } from "../../src/presets/presets.ts";
import { soudryFig1 } from "../../src/problems/shared/soudry_fig1.ts";

Deno.test("presets() all compile, with a description and a source", () => {
  for (const [name, preset] of Object.entries(presets())) {
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

const FACTORIZED = [
  "matrix-sensing",
  "matrix-completion",
  "matrix-sensing-diagonal",
  "deep-linear-net",
  "linear-conv-net",
  "linear-net-one-example",
];

Deno.test("presets() has the factorized experiments, each compiling to its problem kind", () => {
  for (const name of FACTORIZED) {
    assert.ok(name in presets(), name);
    const run = compileRun(presetSpec(name));
    assert.equal(run.problem.kind, (presets()[name]!.spec.problem as { kind: string }).kind);
    assert.ok(run.init.some((v) => v !== 0), `${name} must not start at the saddle point 0`);
  }
});

Deno.test("presetSpec() matrix-sensing is Wu & Rebeschini's setup: n = 50, m = 750, η = 1, 5000 steps, α = 1e-3", () => {
  const spec = presetSpec("matrix-sensing");
  assert.deepEqual(spec.problem, {
    kind: "matrix-sensing",
    n: 50,
    symmetric: true,
    reduction: "mean",
    measurements: { kind: "gaussian", m: 750, truthRank: 5, seed: 1, scale: 1, rng: "numpy" },
  });
  assert.deepEqual(spec.optimizer, { kind: "gd", lr: 1 });
  assert.equal(spec.steps, 5000);
  assert.deepEqual(spec.init, { kind: "identity", scale: Math.sqrt(1e-3) });
});
