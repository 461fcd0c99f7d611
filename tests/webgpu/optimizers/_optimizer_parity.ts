import assert from "node:assert/strict";
import { compileRun } from "../../../src/run/compile_run.ts";
import type { CompiledRun } from "../../../src/run/compile_run.ts";
import { createCpuEngine } from "../../../src/cpu/cpu_engine.ts";
import type { EngineState } from "../../../src/engine/engine.ts";
import type { GpuContext } from "../../../src/webgpu/device.ts";
import { createWebGpuEngines, type WebGpuEngineOptions } from "../../../src/webgpu/create_webgpu_engines.ts";
import { parityError } from "../_parity.ts";

/** The problems the optimizer tests run on: separable logistic/exp (sum), over- and underdetermined least squares. */
export const LOGISTIC = {
  kind: "linear-classification",
  loss: "logistic",
  reduction: "sum",
  data: { kind: "separable", n: 40, d: 6, seed: 1 },
} as const;
export const EXP = { ...LOGISTIC, loss: "exp" } as const;
export const LSQ = {
  kind: "least-squares",
  reduction: "sum",
  data: { kind: "gaussian", n: 30, d: 8, noise: 0.1, seed: 2 },
} as const;
export const LSQ_WIDE = {
  kind: "least-squares",
  reduction: "mean",
  data: { kind: "gaussian", n: 10, d: 24, seed: 5 },
} as const;

/** Runs of `optimizers` on `problem` from a small Gaussian init (nonzero, so mirror's dual starts off 0). */
export function runsOf(problem: unknown, optimizers: readonly unknown[], steps: number): CompiledRun[] {
  return optimizers.map((optimizer) =>
    compileRun({ problem, optimizer, init: { kind: "gaussian", scale: 0.1, seed: 1 }, steps })
  );
}

/** Relative distance ‖a − b‖₂ / ‖b‖₂ (0 when both are 0). */
export function relativeDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dd = 0, bb = 0;
  for (let i = 0; i < b.length; i++) {
    dd += (a[i]! - b[i]!) ** 2;
    bb += b[i]! ** 2;
  }
  return dd === 0 ? 0 : Math.sqrt(dd / bb);
}

/** Asserts that the WebGPU state has the CPU state's tensors (names, shapes) within `rtol` (relative ℓ2). */
export function assertStateClose(got: EngineState, want: EngineState, rtol: number, what: string): void {
  assert.deepEqual(Object.keys(got.params), Object.keys(want.params), `${what}: state names`);
  for (const [name, tensor] of Object.entries(want.params)) {
    const mine = got.params[name]!;
    assert.deepEqual(mine.shape, tensor.shape, `${what}: shape of ${name}`);
    const err = relativeDistance(mine.data, tensor.data);
    assert.ok(err <= rtol, `${what}: ${name} is ${err.toExponential(2)} from the float64 one`);
  }
}

/** Options of {@link assertParity}. */
export interface ParityOptions extends Omit<WebGpuEngineOptions, "gpu"> {
  /** Bound on 1 − cos (default 1e-8). */
  cosGap?: number;
  /** Bound on the relative norm error (default 1e-5). */
  normError?: number;
  /**
   * Bound on the relative ℓ2 error of each state tensor (default 10⁻⁴: momenta
   * and moments are gradient-sized, and the float32 gradient is good to
   * ~10⁻⁷·max|uₙ| relative, the parameters to the norm bound).
   */
  stateError?: number;
  /**
   * The checkpoints at which to compare the state (default: the last). Not
   * where a run has converged to a minimum: there ∇L, and the moments built
   * from it, are float32 rounding noise against float64's.
   */
  stateAt?: readonly number[];
}

/**
 * Steps WebGPU and float64 CPU engines of the same runs (one batch per
 * optimizer kind) to each checkpoint and asserts 1 − cos and the relative norm
 * error of the predictor, and the parameters and optimizer state (`params`).
 */
export async function assertParity(
  gpu: GpuContext,
  runs: readonly CompiledRun[],
  checkpoints: readonly number[],
  options: ParityOptions = {},
): Promise<void> {
  const { cosGap = 1e-8, normError = 1e-5, stateError = 1e-4, stateAt = checkpoints.slice(-1), ...engineOptions } =
    options;
  const engines = await createWebGpuEngines(runs, { ...engineOptions, gpu });
  const cpu = runs.map((run) => createCpuEngine(run));
  try {
    for (const t of checkpoints) {
      await Promise.all([...cpu, ...engines].map((e) => e.advance(t - e.step)));
      const want = await Promise.all(cpu.map((e) => e.read()));
      const got = await Promise.all(engines.map((e) => e.read()));
      runs.forEach((run, i) => {
        const what = `${JSON.stringify(run.spec.optimizer)} on ${run.spec.problem.kind} at ${t}`;
        assert.equal(engines[i]!.diverged, null, `${what}: diverged`);
        const e = parityError(got[i]!.predictor.data, want[i]!.predictor.data);
        assert.ok(e.cosGap <= cosGap, `${what}: 1 − cos = ${e.cosGap}`);
        assert.ok(e.normError <= normError, `${what}: relative norm error = ${e.normError}`);
        if (stateAt.includes(t)) assertStateClose(got[i]!, want[i]!, stateError, what);
      });
    }
  } finally {
    for (const e of engines) e.dispose();
  }
}
