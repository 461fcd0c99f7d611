import assert from "node:assert/strict";
import { lastValueFrom } from "rxjs";
import { compileRun } from "../../src/run/compile_run.ts";
import { analysisPipeline } from "../../src/run/analysis_pipeline.ts";
import { solveReference } from "../../src/run/solve_reference.ts";
import { train } from "../../src/streams/train.ts";
import { analyze } from "../../src/run/analyze.ts";

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
    "margin_l1",
    "margin_l2",
    "margin_linf",
  ]);
  const none = await lastValueFrom(
    train(run).pipe(analysisPipeline(run, { kind: "max-margin-l2", predictor: null, error: "x" })),
  );
  assert.deepEqual(Object.keys(none.metrics), [
    "loss",
    "grad_norm",
    "norm",
    "norm_l1",
    "norm_linf",
    "margin",
    "margin_l1",
    "margin_l2",
    "margin_linf",
  ]);
});

Deno.test("analysisPipeline() measures margins in the run's own norm against that norm's max margin", async () => {
  const run = compileRun({
    problem: { kind: "linear-classification", loss: "exp", data: { kind: "separable", n: 6, d: 10, seed: 2 } },
    optimizer: { kind: "steepest", norm: "l1", lr: 0.01 },
    steps: 200,
  });
  const ref = await solveReference(run);
  assert.equal(ref.kind, "max-margin-l1");
  const last = await lastValueFrom(train(run).pipe(analysisPipeline(run, ref)));
  // ℓ1 solutions need not be unique: margins only, no direction metrics.
  assert.deepEqual(Object.keys(last.metrics).slice(5), [
    "margin",
    "margin_gap",
    "margin_l1",
    "margin_l2",
    "margin_linf",
  ]);
  assert.equal(last.metrics.margin, last.metrics.margin_l1);
  assert.ok(
    Math.abs(last.metrics.margin_gap! - (ref.predictor === null ? NaN : ref.margin! - last.metrics.margin!)) < 1e-15,
  );
});

Deno.test("analysisPipeline() adds test metrics for multiclass and least-squares runs", async () => {
  const multi = compileRun({
    problem: {
      kind: "multiclass",
      data: { kind: "points", x: [[1, 0], [0, 1], [-1, -1]], y: [0, 1, 2] },
      test: { kind: "points", x: [[2, 0.1], [0, 3]], y: [0, 1] },
    },
    optimizer: { kind: "gd", lr: 0.1 },
    steps: 300,
  });
  const m = await lastValueFrom(train(multi).pipe(analysisPipeline(multi, await solveReference(multi))));
  assert.ok(["cos_ref", "margin_gap", "test_error"].every((k) => k in m.metrics), Object.keys(m.metrics).join());
  assert.equal(m.metrics.test_error, 0);
  const lsq = compileRun({
    problem: {
      kind: "least-squares",
      data: { kind: "wilson", n: 8, p: 0.75, seed: 1 },
      test: { kind: "wilson", n: 50, p: 0.75, seed: 2 },
    },
    optimizer: { kind: "gd", lr: 0.05 },
    steps: 100,
  });
  const l = await lastValueFrom(train(lsq).pipe(analysisPipeline(lsq, await solveReference(lsq))));
  assert.deepEqual(Object.keys(l.metrics).slice(5), ["rel_err_ref", "test_mse", "test_error"]);
});

async function metricNames(spec: Record<string, unknown>): Promise<string[]> {
  return Object.keys((await lastValueFrom(train(spec).pipe(analyze(spec)))).metrics).sort();
}

Deno.test("analysisPipeline() gives deep linear nets the linear-classification metrics", async () => {
  const names = await metricNames({
    problem: { kind: "linear-net", depth: 2, data: { kind: "dataset", name: "soudry-fig1" } },
    steps: 5,
  });
  for (const k of ["loss", "grad_norm", "norm", "margin", "cos_ref", "angle_gap", "margin_gap", "dist_ref"]) {
    assert.ok(names.includes(k), `${k} missing from ${names}`);
  }
});

Deno.test("analysisPipeline() gives matrix sensing its spectrum and recovery metrics", async () => {
  const names = await metricNames({
    problem: { kind: "matrix-sensing", n: 3, measurements: { kind: "diagonal", m: 2, truthRank: 1 } },
    steps: 5,
  });
  assert.deepEqual(names, [
    "grad_norm",
    "loss",
    "norm",
    "norm_l1",
    "norm_linf",
    "norm_nuclear",
    "nuclear_gap",
    "rank_eff",
    "rel_err_ref",
    "rel_err_truth",
    "sv_0",
    "sv_1",
    "sv_2",
  ]);
});

Deno.test("analysisPipeline() gives conv nets their Fourier metrics", async () => {
  const names = await metricNames({
    problem: { kind: "linear-conv-net", depth: 2, data: { kind: "points", x: [[1, 2, 0]], y: [1] } },
    steps: 5,
  });
  for (const k of ["dft_0", "dft_1", "norm_dft_l1", "margin_dft", "margin_gap", "cos_ref"]) {
    assert.ok(names.includes(k));
  }
});
