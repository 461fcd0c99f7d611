import assert from "node:assert/strict";
import { lastValueFrom } from "rxjs";
import { analyze } from "../../src/operators/analyze.ts";
import { train } from "../../src/streams/train.ts";

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
