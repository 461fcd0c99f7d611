import assert from "node:assert/strict";
import type { CompiledRun } from "../../../src/run/compile_run.ts";
import { createCpuEngine } from "../../../src/cpu/cpu_engine.ts";
import { createOptimizer } from "../../../src/optimizers/create_optimizer.ts";
import type { GpuContext } from "../../../src/webgpu/device.ts";
import { createWebGpuEngines } from "../../../src/webgpu/create_webgpu_engines.ts";
import { parityError } from "../_parity.ts";

/**
 * Where the float64 run of a discontinuous rule first decides on a near-tie,
 * and how large its steps are from then on.
 *
 * sign (steepest ℓ∞): the decision is sign(∂ⱼL); its gap is min|∂ⱼL| / max|∂ⱼL|,
 * a step moves each coordinate by η‖∇L‖₁. greedy (steepest ℓ1, greedy
 * coordinate): the decision is argmax|∂ⱼL|; its gap is (first − second
 * largest)/largest, a step moves one coordinate by at most η‖∇L‖∞.
 */
export interface DecisionTrace {
  /** The first step whose gap is below the threshold, or null. */
  readonly firstNearTie: number | null;
  /** The largest step (per coordinate) from then on. */
  readonly stepAfter: number;
}

/** Replays `run` on the float64 problem for `steps` steps, tracing its decisions. */
export function decisionTrace(run: CompiledRun, steps: number, rule: "sign" | "greedy", gap: number): DecisionTrace {
  const { problem } = run;
  const lr = (run.spec.optimizer as { lr: number }).lr;
  const w = run.init.slice(), g = new Float64Array(problem.size);
  const optimizer = createOptimizer(problem, run.spec.optimizer);
  let firstNearTie: number | null = null, stepAfter = 0;
  for (let t = 0; t < steps; t++) {
    problem.gradient(w, g, false);
    const a = Array.from(g, Math.abs).sort((x, y) => y - x);
    const l1 = a.reduce((s, x) => s + x, 0);
    const decisionGap = rule === "sign" ? a.at(-1)! / a[0]! : (a[0]! - a[1]!) / a[0]!;
    if (firstNearTie === null && decisionGap < gap) firstNearTie = t;
    if (firstNearTie !== null) stepAfter = Math.max(stepAfter, lr * (rule === "sign" ? l1 : a[0]!));
    if (!optimizer.step(w)) break;
  }
  return { firstNearTie, stepAfter };
}

/**
 * Asserts the tolerance that holds for a discontinuous rule: the WebGPU run
 * takes the float64 run's steps until the first near-tie (gap below 10⁻⁴,
 * far above the float32 gradient's relative error, ~10⁻⁶ here), so parity
 * there is the continuous rules'; after it, float32 may resolve a near-tie
 * the other way, and the runs differ by a few steps on the near-tied
 * coordinates (greedy: two nearly tied coordinates taken in the other order;
 * sign: a coordinate whose ∂ⱼL ≈ 0 chattering out of phase), never more than
 * `steps` of the largest step since the first near-tie, while the direction
 * keeps 1 − cos ≤ 10⁻⁸ (and, with these step sizes, the norm 10⁻⁵: the
 * difference is a few steps η‖∇L‖, so it scales with η).
 */
export async function assertDecisionParity(
  gpu: GpuContext,
  run: CompiledRun,
  rule: "sign" | "greedy",
  horizon: number,
  steps = 4,
): Promise<DecisionTrace> {
  const trace = decisionTrace(run, horizon, rule, 1e-4);
  const [engine] = await createWebGpuEngines([run], { gpu });
  const cpu = createCpuEngine(run);
  const what = JSON.stringify(run.spec.optimizer);
  try {
    for (const t of [trace.firstNearTie ?? horizon, horizon]) {
      await Promise.all([engine!.advance(t - engine!.step), cpu.advance(t - cpu.step)]);
      const [a, b] = [(await engine!.read()).predictor.data, (await cpu.read()).predictor.data];
      const e = parityError(a, b);
      assert.ok(e.cosGap <= 1e-8, `${what} at ${t}: 1 − cos = ${e.cosGap}`);
      assert.ok(e.normError <= 1e-5, `${what} at ${t}: relative norm error ${e.normError}`);
      if (t !== trace.firstNearTie && trace.firstNearTie !== null) {
        let dmax = 0;
        for (let j = 0; j < a.length; j++) dmax = Math.max(dmax, Math.abs(a[j]! - b[j]!));
        assert.ok(
          dmax <= steps * trace.stepAfter,
          `${what} at ${t}: |Δw|∞ = ${dmax}, ${dmax / trace.stepAfter} steps since the first near-tie`,
        );
      }
    }
  } finally {
    engine!.dispose();
  }
  return trace;
}
