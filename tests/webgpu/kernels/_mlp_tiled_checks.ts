import assert from "node:assert/strict";
import { compileRun } from "../../../src/run/compile_run.ts";
import { createCpuEngine } from "../../../src/cpu/cpu_engine.ts";
import { createWebGpuEngines } from "../../../src/webgpu/create_webgpu_engines.ts";
import type { GpuContext } from "../../../src/webgpu/device.ts";
import { maxRelative, mlpNet, points } from "./_mlp_checks.ts";

/** A net of `widths` on `n` points (3 features; 3 classes, or ±1 labels). */
export function net(
  widths: number[],
  n: number,
  loss: "cross-entropy" | "logistic" | "exp" = "cross-entropy",
  bias = true,
): Record<string, unknown> {
  return { ...mlpNet(loss, bias, widths), data: points(n, loss !== "cross-entropy") };
}

/**
 * Steps every (problem, optimizer) pair together on the tiled kernels (one
 * batch, whatever the widths) and on the float64 CPU engine; asserts
 * max|Δθ|/max|θ| ≤ tol, and loss and ‖∇L‖ over the full training set (the
 * GPU's evaluation pass) within `tol` relative, ‖∇L‖ within 10·tol. Tolerances: float32 products of at most
 * a few hundred terms and a Kahan-compensated update give ≤ 2·10⁻⁶ on θ after 10³ steps on llvmpipe, so 10⁻⁴ (the
 * issue's bound) leaves a wide margin; ‖∇L‖ is a sum of per-row terms that nearly cancel late in a run.
 */
export async function assertTiledParity(
  gpu: GpuContext,
  pairs: readonly [unknown, unknown][],
  steps: number,
  tol: number,
): Promise<void> {
  const runs = pairs.map(([problem, optimizer]) =>
    compileRun({ problem, optimizer, init: { kind: "pytorch", seed: 3 }, steps })
  );
  const engines = await createWebGpuEngines(runs, { gpu, mlpKernel: "tiled" });
  try {
    assert.ok(engines.every((e) => e.plan.path === "tiled" && e.plan.batchSize === runs.length));
    await Promise.all(engines.map((e) => e.advance(steps)));
    for (const [i, run] of runs.entries()) {
      const cpu = createCpuEngine(run);
      await cpu.advance(steps);
      const want = await cpu.read(), got = await engines[i]!.read();
      const what = `${JSON.stringify((run.spec.problem as { widths: number[] }).widths)} ${
        JSON.stringify(run.spec.optimizer)
      }`;
      assert.equal(engines[i]!.diverged, null, what);
      assert.equal(got.step, steps);
      const err = maxRelative(got.predictor.data, want.predictor.data);
      assert.ok(err <= tol, `${what}: max|Δθ|/max|θ| = ${err.toExponential(2)}`);
      assert.ok(Math.abs(got.loss - want.loss) <= tol * want.loss, `${what}: loss ${got.loss} vs ${want.loss}`);
      const gerr = Math.abs(got.gradNorm - want.gradNorm) / want.gradNorm;
      assert.ok(gerr <= 10 * tol, `${what}: ‖∇L‖ ${got.gradNorm} vs ${want.gradNorm}`);
    }
  } finally {
    for (const e of engines) e.dispose();
  }
}
