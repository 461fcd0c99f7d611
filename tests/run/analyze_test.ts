import assert from "node:assert/strict";
import { lastValueFrom } from "rxjs";
import { analyze } from "../../src/run/analyze.ts";
import { SpecError } from "../../src/spec/spec_error.ts";
import { train } from "../../src/streams/train.ts";

const spec = {
  problem: { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } },
  optimizer: { kind: "gd", lr: 0.08 },
  steps: 2000,
};

Deno.test("analyze() solves the reference and measures the run against it", async () => {
  const last = await lastValueFrom(train(spec).pipe(analyze(spec)));
  assert.ok(last.metrics.cos_ref! > 0.999);
  assert.ok(Math.abs(last.metrics.angle_gap! - (1 - last.metrics.cos_ref!)) < 1e-12);
  assert.ok(last.metrics.margin_gap! > 0);
});

Deno.test("analyze() uses a given reference instead of solving", async () => {
  const reference = { kind: "custom", predictor: { shape: [2], data: new Float64Array([1, 0]) }, margin: 0.5 };
  const last = await lastValueFrom(train(spec).pipe(analyze(spec, { reference })));
  assert.ok(Math.abs(last.metrics.cos_ref! - Math.SQRT1_2) < 1e-2, `cos_ref ${last.metrics.cos_ref}`);
  assert.equal(last.metrics.margin_gap, 0.5 - last.metrics.margin!, "measured against the given margin");
});

Deno.test("analyze() rejects a bad spec right away", () => {
  assert.throws(() => analyze({ ...spec, steps: -1 }), SpecError);
});
