import assert from "node:assert/strict";
import { type CompiledRun, compileRun } from "../../../src/run/compile_run.ts";
import { createCpuEngine } from "../../../src/cpu/cpu_engine.ts";
import type { GpuContext } from "../../../src/webgpu/device.ts";
import { createWebGpuEngines } from "../../../src/webgpu/create_webgpu_engines.ts";
import type { ProblemKernel } from "../../../src/webgpu/kernels/problem_kernel.ts";
import { LOOP_BUDGET } from "../../../src/webgpu/_plan.ts";
import { assertClose } from "../../_assert_close.ts";
import { relativeDistance } from "../optimizers/_optimizer_parity.ts";

/** Worst relative error of the float32 loss, gradient norm and gradient at a point (float32 sums of n terms). */
export const POINT_RTOL = 1e-5;

/**
 * The update rules besides gd, sgd, normalized gd and Adam, each at a step
 * size where the float64 run is stable (RMSProp with eps = 0.1: with eps ≪
 * |∇L| its steps on near-zero gradient entries follow the rounding).
 */
export const OTHER_RULES = [
  { kind: "adagrad", lr: 0.1 },
  { kind: "rmsprop", lr: 1e-3, eps: 0.1 },
  { kind: "steepest", norm: 3, lr: 0.01 },
  { kind: "coordinate", rule: "cyclic", lr: 0.1 },
  { kind: "mirror", p: 1.5, lr: 0.01 },
];

/**
 * Asserts that loss, gradient norm and the gradient itself at `init` agree
 * with the float64 CPU engine's on both drivers. The gradient is read back as
 * GD's momentum buffer after one step (PyTorch's form: b₁ = ∇L(w₀)), so every
 * entry is compared, not only the norm.
 */
export async function assertPointParity(
  gpu: GpuContext,
  problem: unknown,
  init: unknown,
  rtol = POINT_RTOL,
): Promise<void> {
  const run = compileRun({ problem, optimizer: { kind: "gd", lr: 1e-30, momentum: 0.5 }, init, steps: 1 });
  const want = await createCpuEngine(run).read();
  const grad = new Float64Array(run.problem.size);
  run.problem.gradient(run.init, grad, false);
  for (const path of ["fused", "multi"] as const) {
    const [engine] = await createWebGpuEngines([run], { gpu, path });
    try {
      const got = await engine!.read();
      assertClose(got.loss, want.loss, { rtol }, `${path} loss`);
      assertClose(got.gradNorm, want.gradNorm, { rtol }, `${path} gradient norm`);
      await engine!.advance(1);
      const momentum = (await engine!.read()).params.momentum!.data;
      const err = relativeDistance(momentum, grad);
      assert.ok(err <= rtol, `${path} gradient: relative error ${err.toExponential(2)}`);
    } finally {
      engine!.dispose();
    }
  }
}

/**
 * The kernel with its loop bounds scaled by LOOP_BUDGET / 65,535, so that the
 * planner packs fused dispatches up to llvmpipe's real cap: a bound below the
 * kernel's true loop count then gets a dispatch cut short, which the engine
 * reports as an error.
 */
export function atTheCap(kernel: ProblemKernel): ProblemKernel {
  const f = LOOP_BUDGET / 65_535;
  return {
    ...kernel,
    bind(problem) {
      const bound = kernel.bind(problem);
      if (typeof bound === "string") return bound;
      return {
        ...bound,
        layout(wg, path) {
          const layout = bound.layout(wg, path);
          return {
            ...layout,
            blockLoops: (m) => layout.blockLoops(m) * f,
            minMarginLoops: (m) => layout.minMarginLoops(m) * f,
          };
        },
      };
    },
  };
}

/**
 * Steps `runs` on the fused path with {@link atTheCap}'s bounds over several
 * dispatches: on llvmpipe a bound that undercounts the kernel's loops makes
 * the engine throw ("The GPU took N of M steps"). Normalized GD adds the
 * min-margin pass.
 */
export async function assertLoopBounds(
  gpu: GpuContext,
  kernel: ProblemKernel,
  runs: readonly CompiledRun[],
  steps: number,
): Promise<void> {
  const engines = await createWebGpuEngines(runs, { gpu, path: "fused", kernels: { [kernel.kind]: atTheCap(kernel) } });
  try {
    for (const e of engines) {
      assert.ok(e.plan.stepsPerDispatch < steps / 2, `${e.plan.stepsPerDispatch} steps a dispatch`);
    }
    await Promise.all(engines.map((e) => e.advance(steps)));
    for (const e of engines) assert.equal(e.step, steps);
  } finally {
    for (const e of engines) e.dispose();
  }
}
