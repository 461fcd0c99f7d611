import assert from "node:assert/strict";
import { compileRun } from "../../../src/run/compile_run.ts";
import { createCpuEngine } from "../../../src/cpu/cpu_engine.ts";
import type { GpuContext } from "../../../src/webgpu/device.ts";
import { createWebGpuEngines } from "../../../src/webgpu/create_webgpu_engines.ts";
import { assertStateClose, relativeDistance } from "../optimizers/_optimizer_parity.ts";

/** n points (13: two chunks of 8, the second padded) in 3 features, labels from a fixed rule. */
export function points(n: number, binary: boolean): Record<string, unknown> {
  const x = Array.from({ length: n }, (_, i) => [Math.cos(i * 0.9), Math.sin(i * 1.7), 0.5 * Math.cos(i * 2.3)]);
  const y = x.map(([a, b], i) => binary ? (a! + 0.3 * b! > 0 ? 1 : -1) : (i % 3));
  return { kind: "points", x, y };
}

/** A small net spec (ReLU unless `activation`) on {@link points}: 3 → widths → 3 classes (cross-entropy) or 1 output. */
export function mlpNet(
  loss: "cross-entropy" | "logistic" | "exp",
  bias: boolean,
  widths: readonly number[] = [4],
  activation: "relu" | "linear" = "relu",
): Record<string, unknown> {
  return {
    kind: "mlp",
    widths,
    activation,
    bias,
    loss,
    reduction: "mean",
    data: points(13, loss !== "cross-entropy"),
  };
}

/**
 * Every update rule the CPU engine runs on mlp, at step sizes where the
 * float64 run is stable: full batch, except sgd and the second path-sgd
 * (minibatches of 4 drawn as the CPU draws them). RMSProp with eps = 0.1, as
 * in the other kernels' tests (eps ≪ |∇L| follows ∇L's rounding). Adam at
 * lr 10⁻³: at 3·10⁻³ it nearly fits the data within 10³ steps, and then a
 * coordinate whose gradient is a near-cancelling sum of O(1) per-row terms (a
 * bias) steps by a share of lr on float32's rounding of that sum (measured
 * 1.6·10⁻⁴ to 2.9·10⁻⁴, first moment 45% off, while the float64 run moves
 * 3·10⁻⁸ under a 10⁻⁷ change of w₀); at 10⁻³, ≤ 3.5·10⁻⁷.
 */
export const MLP_RULES: readonly unknown[] = [
  { kind: "gd", lr: 0.2 },
  { kind: "gd", lr: 0.05, momentum: 0.9, nesterov: true },
  { kind: "normalized-gd", lr: 0.01 },
  { kind: "sgd", lr: 0.1, batch: 4, seed: 3, momentum: 0.5 },
  { kind: "adam", lr: 1e-3 },
  { kind: "adagrad", lr: 0.05 },
  { kind: "rmsprop", lr: 1e-3, eps: 0.1 },
  { kind: "path-sgd", lr: 0.05, batch: 13, seed: 1 },
  { kind: "path-sgd", lr: 0.05, batch: 4, seed: 2, momentum: 0.5 },
];

/** max|a − b| / max|b|. */
export function maxRelative(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let d = 0, m = 0;
  for (let i = 0; i < b.length; i++) {
    d = Math.max(d, Math.abs(a[i]! - b[i]!));
    m = Math.max(m, Math.abs(b[i]!));
  }
  return m === 0 ? d : d / m;
}

/**
 * Steps each rule on `problem` from PyTorch's init for `steps` steps on
 * WebGPU (one batch per rule kind) and on the float64 CPU engine, and asserts
 * max|θ_gpu − θ_cpu| / max|θ_cpu| ≤ `tol` and each optimizer state tensor
 * within `stateTol` (relative ℓ2). The state's bound is looser: momenta and
 * moments are gradient-sized, and after 10³ steps the gradient has shrunk to
 * 10⁻³–10⁻⁴ of its first size while float32's absolute error stays that of
 * the per-row terms (measured up to 10⁻² for Nesterov's buffer on
 * cross-entropy with biases, where θ itself agrees to 2·10⁻⁵). Returns the
 * worst parameter error seen.
 */
export async function assertMlpParity(
  gpu: GpuContext,
  problem: unknown,
  rules: readonly unknown[],
  steps: number,
  {
    tol = 1e-4,
    stateTol = 3e-2,
    path = "fused" as "fused" | "multi",
    mlpKernel = "auto" as "auto" | "rows" | "tiled",
  } = {},
): Promise<number> {
  const runs = rules.map((optimizer) => compileRun({ problem, optimizer, init: { kind: "pytorch", seed: 3 }, steps }));
  const engines = await createWebGpuEngines(runs, { gpu, path, mlpKernel });
  let worst = 0;
  try {
    await Promise.all(engines.map((e) => e.advance(steps)));
    for (const [i, run] of runs.entries()) {
      const cpu = createCpuEngine(run);
      await cpu.advance(steps);
      const want = await cpu.read(), got = await engines[i]!.read();
      const what = `${JSON.stringify(run.spec.optimizer)} at ${steps}`;
      assert.equal(engines[i]!.diverged, null, `${what}: diverged`);
      const err = maxRelative(got.predictor.data, want.predictor.data);
      worst = Math.max(worst, err);
      if (Deno.env.get("MLP_PARITY_LOG")) {
        const states = Object.entries(want.params).map(([k, t]) =>
          `${k} ${relativeDistance(got.params[k]?.data ?? [], t.data).toExponential(2)}`
        );
        console.log(`${what}: θ ${err.toExponential(2)}; ${states.join(", ")}`);
      }
      assert.ok(err <= tol, `${what}: max|Δθ|/max|θ| = ${err.toExponential(2)}`);
      assertStateClose(got, want, stateTol, what);
    }
  } finally {
    for (const e of engines) e.dispose();
  }
  return worst;
}
