import assert from "node:assert/strict";
import { lastValueFrom } from "rxjs";
import { compileRun } from "../../src/engine/compile_run.ts";
import { analysisPipeline } from "../../src/operators/analysis_pipeline.ts";
import { solveReference } from "../../src/reference/solve_reference.ts";
import { train } from "../../src/streams/train.ts";

const spec = {
  problem: { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } },
  optimizer: { kind: "gd", lr: 0.08 },
  steps: 100,
};

Deno.test("analysisPipeline() adds the default metrics, with reference metrics when there is one", async () => {
  const run = compileRun(spec);
  const last = await lastValueFrom(train(run).pipe(analysisPipeline(run, await solveReference(run))));
  assert.deepEqual(Object.keys(last.metrics), [
    "loss",
    "grad_norm",
    "norm",
    "norm_l1",
    "norm_linf",
    "margin",
    "cos_ref",
    "angle_gap",
    "margin_gap",
    "dist_ref",
  ]);
  const none = await lastValueFrom(
    train(run).pipe(analysisPipeline(run, { kind: "max-margin-l2", predictor: null, error: "x" })),
  );
  assert.deepEqual(Object.keys(none.metrics), ["loss", "grad_norm", "norm", "norm_l1", "norm_linf", "margin"]);
});
