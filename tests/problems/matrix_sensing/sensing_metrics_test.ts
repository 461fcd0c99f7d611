import assert from "node:assert/strict";
import { lastValueFrom } from "rxjs";
import { compileRun } from "../../../src/run/compile_run.ts";
import { nuclearNorm } from "../../../src/math/nuclear_norm.ts";
import { relativeError } from "../../../src/math/relative_error.ts";
import { sensingMetrics } from "../../../src/problems/matrix_sensing/sensing_metrics.ts";
import type { MatrixSensing } from "../../../src/problems/matrix_sensing/matrix_sensing.ts";
import { solveReference } from "../../../src/run/solve_reference.ts";
import { train } from "../../../src/streams/train.ts";
import { assertClose } from "../../_assert_close.ts";

const run = compileRun({
  problem: { kind: "matrix-sensing", n: 8, measurements: { kind: "gaussian", m: 30, truthRank: 2, seed: 1 } },
  optimizer: { kind: "gd", lr: 0.2 },
  steps: 300,
});
const problem = run.problem as MatrixSensing;

Deno.test("sensingMetrics() adds the spectrum, the recovery error and the gap to the reference", async () => {
  const reference = await solveReference(run);
  assert.ok(reference.predictor);
  const last = await lastValueFrom(train(run).pipe(sensingMetrics(problem, reference)));
  const x = last.predictor.data, m = last.metrics;
  assertClose(m.norm_nuclear!, nuclearNorm(x, 8), { rtol: 1e-12 });
  assertClose(m.rel_err_truth!, relativeError(x, problem.truth!), { rtol: 1e-12 });
  assertClose(m.rel_err_ref!, relativeError(x, reference.predictor.data), { rtol: 1e-12 });
  assertClose(m.nuclear_gap!, m.norm_nuclear! - nuclearNorm(reference.predictor.data, 8), { rtol: 1e-12 });
  assert.equal(Object.keys(m).filter((k) => k.startsWith("sv_")).length, 8);
  assert.ok(m.rank_eff! >= 1 && m.rank_eff! <= 8);
});

Deno.test("sensingMetrics() leaves out what it cannot compute", async () => {
  const inline = compileRun({
    problem: { kind: "matrix-sensing", n: 2, measurements: { kind: "points", a: [[[1, 0], [0, 1]]], y: [1] } },
    steps: 2,
  });
  const last = await lastValueFrom(
    train(inline).pipe(sensingMetrics(inline.problem as MatrixSensing, { kind: "none", predictor: null, error: "x" })),
  );
  assert.deepEqual(Object.keys(last.metrics).sort(), ["norm_nuclear", "rank_eff", "sv_0", "sv_1"]);
});
