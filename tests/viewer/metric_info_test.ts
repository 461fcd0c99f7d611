import assert from "node:assert/strict";
import { lastValueFrom, toArray } from "rxjs";
import { compileRun } from "../../src/run/compile_run.ts";
import { analysisPipeline } from "../../src/run/analysis_pipeline.ts";
import { presets, presetSpec } from "../../src/presets/presets.ts";
import { solveReference } from "../../src/run/solve_reference.ts";
import { train } from "../../src/streams/train.ts";
import { metricInfo } from "../../src/viewer/metric_info.ts";

Deno.test("`metricInfo()` labels the default metrics with units and scales", () => {
  assert.deepEqual(
    ["loss", "margin", "cos_ref"].map((m) => [metricInfo(m).unit, metricInfo(m).scale]),
    [["nats", "log"], ["", "linear"], ["", "linear"]],
  );
});

Deno.test("`metricInfo()` names singular values σᵢ from σ₁ (sv_0, the largest) and falls back to the name", () => {
  assert.deepEqual(["sv_0", "sv_1", "sv_11"].map((m) => metricInfo(m).label), ["σ₁", "σ₂", "σ₁₂"]);
  assert.deepEqual(metricInfo("my_metric"), { label: "my_metric", unit: "", scale: "log", help: "my_metric" });
});

/** A network preset at a size a unit test affords (its metrics are the same at any size). */
function small(problem: Record<string, unknown>): Record<string, unknown> {
  if (problem.kind !== "mlp") return problem;
  const shrink = (data: unknown) => data && { ...(data as Record<string, unknown>), n: 100 };
  return {
    ...problem,
    widths: (problem.widths as number[]).map(() => 8),
    data: shrink(problem.data),
    ...(problem.test ? { test: shrink(problem.test) } : {}),
  };
}

Deno.test("`metricInfo()` has a label of its own for every metric the analysis writes on the presets", async () => {
  const names = new Set<string>();
  for (const preset of Object.keys(presets())) {
    const { epochs: _epochs, ...spec } = presetSpec(preset) as Record<string, unknown>; // network presets count epochs
    const run = compileRun({ ...spec, problem: small(spec.problem as Record<string, unknown>), steps: 2 });
    const reference = await solveReference(run);
    const snapshots = await lastValueFrom(train(run).pipe(analysisPipeline(run, reference), toArray()));
    for (const s of snapshots) for (const name of Object.keys(s.metrics)) names.add(name);
  }
  assert.ok(names.has("sv_15") && names.has("dft_0") && names.has("margin_linf"), [...names].join(" "));
  for (const name of names) assert.notEqual(metricInfo(name).label, name, `${name} has a label`);
  assert.equal(metricInfo("dft_3").label, "|DFT(w)₃|");
  assert.equal(metricInfo("margin_l1").label, "min margin / ‖w‖₁");
  assert.equal(metricInfo("margin_linf").scale, "linear");
  assert.equal(metricInfo("nuclear_gap").scale, "symlog"); // it changes sign
});

Deno.test("`metricInfo()` gives the loss in nats for log-likelihood losses only", () => {
  const unit = (problem: { kind?: string; loss?: string }) => metricInfo("loss", problem).unit;
  assert.equal(unit({ kind: "linear-classification" }), "nats");
  assert.equal(unit({ kind: "linear-classification", loss: "logistic" }), "nats");
  assert.equal(unit({ kind: "multiclass" }), "nats");
  assert.equal(unit({ kind: "linear-classification", loss: "exp" }), "");
  assert.equal(unit({ kind: "least-squares" }), "");
  assert.equal(unit({ kind: "matrix-sensing" }), "");
  assert.equal(metricInfo("grad_norm", { kind: "least-squares" }).unit, "");
  assert.equal(metricInfo("grad_norm", { kind: "linear-net" }).unit, "nats per unit w");
});
