import assert from "node:assert/strict";
import { lastValueFrom } from "rxjs";
import { compileRun } from "../../../src/run/compile_run.ts";
import { convNetMetrics } from "../../../src/problems/linear_conv_net/conv_net_metrics.ts";
import type { LinearConvNet } from "../../../src/problems/linear_conv_net/linear_conv_net.ts";
import { solveReference } from "../../../src/run/solve_reference.ts";
import { train } from "../../../src/streams/train.ts";
import { assertClose } from "../../_assert_close.ts";

const data = { kind: "points", x: [[0.9, -0.4, -0.7, 0.5, 0.6, -0.8, -0.3, 0.2]], y: [1] };

Deno.test("convNetMetrics() measures the margin gap in the reference's own norm", async () => {
  for (const depth of [1, 2]) {
    const run = compileRun({
      problem: { kind: "linear-conv-net", depth, data },
      optimizer: { kind: "gd", lr: 0.05 },
      steps: 200,
    });
    const reference = await solveReference(run);
    assert.ok(reference.predictor);
    const m = (await lastValueFrom(train(run).pipe(convNetMetrics(run.problem as LinearConvNet, reference)))).metrics;
    for (const key of ["margin", "margin_dft", "norm_dft_l1", "dft_0", "dft_4", "cos_ref", "angle_gap", "dist_ref"]) {
      assert.ok(Number.isFinite(m[key]), `${key} = ${m[key]}`);
    }
    const own = depth === 2 ? m.margin_dft! : m.margin!;
    assertClose(m.margin_gap!, reference.margin! - own, { rtol: 1e-12 });
  }
});

Deno.test("convNetMetrics() without a reference adds only the spectrum and margins", async () => {
  const run = compileRun({ problem: { kind: "linear-conv-net", depth: 3, data }, steps: 5 });
  const m =
    (await lastValueFrom(train(run).pipe(convNetMetrics(run.problem as LinearConvNet, await solveReference(run)))))
      .metrics;
  assert.deepEqual(Object.keys(m).sort(), [
    "dft_0",
    "dft_1",
    "dft_2",
    "dft_3",
    "dft_4",
    "margin",
    "margin_dft",
    "norm_dft_l1",
  ]);
});
