import assert from "node:assert/strict";
import { lastValueFrom, of, toArray } from "rxjs";
import { compileRun } from "../../../src/run/compile_run.ts";
import type { Mlp } from "../../../src/problems/mlp/mlp.ts";
import { mlpMetrics } from "../../../src/problems/mlp/mlp_metrics.ts";
import type { Snapshot } from "../../../src/engine/snapshot.ts";
import { assertClose } from "../../_assert_close.ts";
import { referenceForward } from "./_reference_mlp.ts";

const x = [[1, 0.5], [-0.3, 1], [0.2, -1], [-1, -0.4], [0.7, 0.7]];
const y = [0, 1, 2, 1, 0];

function snapshot(theta: Float64Array, trigger: Snapshot["trigger"] = "schedule"): Snapshot {
  return {
    run: "r",
    step: 1,
    wall: 0,
    status: "running",
    trigger,
    loss: 0,
    gradNorm: 0,
    params: {},
    predictor: { shape: [theta.length], data: theta },
    metrics: {},
  };
}

Deno.test("mlpMetrics() matches an independent computation of errors, norms, path norm and margins", async () => {
  const run = compileRun({
    problem: {
      kind: "mlp",
      widths: [3],
      bias: false,
      data: { kind: "points", x, y },
      test: { kind: "points", x: x.slice(0, 3), y: [0, 0, 0] },
    },
    steps: 1,
  });
  const problem = run.problem as Mlp;
  const theta = run.init;
  const [s] = await lastValueFrom(of(snapshot(theta)).pipe(mlpMetrics(problem), toArray()));
  const m = s!.metrics;
  const net = {
    widths: [3],
    activation: "relu",
    bias: false,
    loss: "cross-entropy",
    outputs: 3,
    reduction: "mean",
  } as const;
  const gaps = x.map((xi, i) => {
    const f = referenceForward(net, xi, theta);
    return f[y[i]!]! - Math.max(...f.filter((_, c) => c !== y[i]));
  });
  const norm = Math.hypot(...theta);
  assertClose(m.train_error!, gaps.filter((g) => g <= 0).length / 5);
  assertClose(m.margin_normalized!, Math.min(...gaps) / norm ** 2, { rtol: 1e-12 });
  const lossSum = x.reduce((acc, xi, i) => {
    const f = referenceForward(net, xi, theta);
    return acc + Math.log(f.reduce((a, v) => a + Math.exp(v), 0)) - f[y[i]!]!;
  }, 0);
  assertClose(m.margin_smoothed!, -Math.log(Math.expm1(lossSum)) / norm ** 2, { rtol: 1e-10 });
  assert.ok(m.margin_smoothed! <= m.margin_normalized!, "the smoothed margin is a lower bound");
  const testGaps = x.slice(0, 3).map((xi) => {
    const f = referenceForward(net, xi, theta);
    return f[0]! - Math.max(f[1]!, f[2]!);
  });
  assertClose(m.test_error!, testGaps.filter((g) => g <= 0).length / 3);
  // Layer norms and path norm: W1 (3×2), W2 (3×3); π = Σ over paths of squared weights = 1ᵀ W2² W1² 1.
  const w1 = theta.slice(0, 6), w2 = theta.slice(6, 15);
  assertClose(m.norm_layer_1!, Math.hypot(...w1), { rtol: 1e-14 });
  assertClose(m.norm_layer_2!, Math.hypot(...w2), { rtol: 1e-14 });
  let pi = 0;
  for (let o = 0; o < 3; o++) {
    for (let h = 0; h < 3; h++) for (let i = 0; i < 2; i++) pi += w2[o * 3 + h]! ** 2 * w1[h * 2 + i]! ** 2;
  }
  assertClose(m.path_norm!, Math.sqrt(pi), { rtol: 1e-13 });
  // σ_max(W1) by the closed form of a 2×2 Gram matrix W1ᵀW1.
  let a = 0, b = 0, c = 0;
  for (let h = 0; h < 3; h++) {
    a += w1[h * 2]! ** 2;
    b += w1[h * 2]! * w1[h * 2 + 1]!;
    c += w1[h * 2 + 1]! ** 2;
  }
  const top = (a + c) / 2 + Math.sqrt(((a - c) / 2) ** 2 + b * b);
  assertClose(m.spectral_layer_1!, Math.sqrt(top), { rtol: 1e-8 });
});

Deno.test("mlpMetrics() leaves heartbeat snapshots alone (no pass over the data)", async () => {
  const run = compileRun({ problem: { kind: "mlp", widths: [2], data: { kind: "points", x, y } }, steps: 1 });
  const [s] = await lastValueFrom(of(snapshot(run.init, "heartbeat")).pipe(mlpMetrics(run.problem as Mlp), toArray()));
  assert.deepEqual(s!.metrics, {});
});

Deno.test("mlpMetrics() takes the engine's own evaluations (the WebGPU tiled kernels') instead of evaluating θ again", async () => {
  const run = compileRun({
    problem: {
      kind: "mlp",
      widths: [3],
      data: { kind: "points", x, y },
      test: { kind: "points", x: x.slice(0, 3), y: [0, 0, 0] },
    },
    steps: 1,
  });
  const problem = run.problem as Mlp;
  const theta = run.init;
  const own = {
    train: { lossSum: 2, errors: 4, minMargin: -3, n: 5 },
    test: { lossSum: 6, errors: 1, minMargin: 0, n: 3 },
  };
  const [s] = await lastValueFrom(of({ ...snapshot(theta), evaluations: own }).pipe(mlpMetrics(problem), toArray()));
  assert.equal(s!.metrics.train_error, 4 / 5);
  assert.equal(s!.metrics.test_error, 1 / 3);
  assert.equal(s!.metrics.test_loss, 6 / 3);
  const [cpu] = await lastValueFrom(of(snapshot(theta)).pipe(mlpMetrics(problem), toArray()));
  assert.equal(cpu!.metrics.test_loss, problem.evaluate(theta, problem.test!).lossSum / 3);
});
