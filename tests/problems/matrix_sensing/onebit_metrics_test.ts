import assert from "node:assert/strict";
import { lastValueFrom } from "rxjs";
import { compileRun } from "../../../src/run/compile_run.ts";
import { cosine } from "../../../src/math/cosine.ts";
import { onebitMetrics } from "../../../src/problems/matrix_sensing/onebit_metrics.ts";
import type { MatrixSensing } from "../../../src/problems/matrix_sensing/matrix_sensing.ts";
import { solveReference } from "../../../src/run/solve_reference.ts";
import { train } from "../../../src/streams/train.ts";
import { assertClose } from "../../_assert_close.ts";

Deno.test("onebitMetrics() adds the normalized nuclear margin, its gap and ratio, and the angle to X̄", async () => {
  // Labels on X₀₀ (+1) and X₁₁ (−1) of a general 2×2 X: X̄ = diag(1, −1), margin ½.
  const run = compileRun({
    problem: {
      kind: "matrix-sensing",
      n: 2,
      symmetric: false,
      loss: "exp",
      measurements: { kind: "points", a: [[[1, 0], [0, 0]], [[0, 0], [0, 1]]], y: [1, -1] },
    },
    optimizer: { kind: "gd", lr: 0.1 },
    init: { kind: "gaussian", scale: 0.3, seed: 2 },
    steps: 50,
  });
  const reference = await solveReference(run);
  assert.ok(reference.predictor, reference.predictor === null ? reference.error : "");
  assertClose(reference.margin!, 0.5, { rtol: 1e-8 });
  const last = await lastValueFrom(train(run).pipe(onebitMetrics(run.problem as MatrixSensing, reference)));
  const x = last.predictor.data, m = last.metrics;
  const sv = [m.sv_0!, m.sv_1!];
  assertClose(m.margin_nuclear!, Math.min(x[0]!, -x[3]!) / (sv[0]! + sv[1]!), { rtol: 1e-12 });
  assertClose(m.margin_gap!, 0.5 - m.margin_nuclear!, { rtol: 1e-12 });
  assertClose(m.margin_ratio!, m.margin_nuclear! / 0.5, { rtol: 1e-12 });
  assertClose(m.cos_ref!, cosine(x, [1, 0, 0, -1]), { rtol: 1e-7 });
  assert.ok(m.angle_gap! >= 0);
  const none = await lastValueFrom(
    train(run).pipe(onebitMetrics(run.problem as MatrixSensing, { kind: "none", predictor: null, error: "x" })),
  );
  assert.deepEqual(Object.keys(none.metrics).sort(), ["margin_nuclear", "norm_nuclear", "rank_eff", "sv_0", "sv_1"]);
});
