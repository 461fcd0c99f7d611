import assert from "node:assert/strict";
import { compileRun } from "../../../src/run/compile_run.ts";
import { createCpuEngine } from "../../../src/cpu/cpu_engine.ts";
import { createWebGpuEngines } from "../../../src/webgpu/create_webgpu_engines.ts";
import { leastSquaresKernel } from "../../../src/webgpu/kernels/least_squares.ts";
import type { BoundProblemKernel } from "../../../src/webgpu/kernels/problem_kernel.ts";
import { leastSquares } from "../../../src/problems/least_squares/least_squares.ts";
import { assertClose } from "../../_assert_close.ts";
import { gpuTest } from "../_with_gpu.ts";
import { parityAt } from "../_parity.ts";

Deno.test("leastSquaresKernel.bind() uploads x and y in float32", () => {
  const problem = leastSquares({ n: 2, d: 2, x: new Float64Array([1, 2, 3, 0.1]), y: new Float64Array([5, -1]) }, {
    reduction: "mean",
  });
  const bound = leastSquaresKernel.bind(problem) as BoundProblemKernel;
  assert.deepEqual([bound.params, bound.rows, bound.mean, bound.signature], [2, 2, true, "mean/2x2"]);
  assert.deepEqual(Array.from(bound.data[0]!), [1, 2, 3, Math.fround(0.1)]);
  assert.deepEqual(Array.from(bound.data[1]!), [5, -1]);
  assert.equal(leastSquaresKernel.logGradient, false);
});

// Over- and underdetermined (n < d: GD converges to the min-norm interpolant from w₀).
// Normalized GD only where min L > 0: on an interpolating problem its step
// η·∇L/L stays of size η while L → 0, so it hops chaotically around the
// solutions and float rounding, not the engine, decides where it goes.
const PROBLEMS = [
  { reduction: "sum", data: { kind: "gaussian", n: 30, d: 8, noise: 0.1, seed: 2 } },
  { reduction: "mean", data: { kind: "gaussian", n: 10, d: 24, seed: 5 } },
] as const;
const OPTIMIZERS = [
  { kind: "gd", lr: 0.01 },
  { kind: "gd", lr: 0.01, momentum: 0.9, nesterov: true },
  { kind: "normalized-gd", lr: 1e-3 },
  { kind: "sgd", lr: 0.01, batch: 4, seed: 3, momentum: 0.5 },
] as const;

for (const problem of PROBLEMS) {
  const name = `${problem.data.n}×${problem.data.d} ${problem.reduction}`;
  gpuTest(`leastSquaresKernel matches the float64 engine on ${name} after 1e4 and 2e5 steps`, async (gpu) => {
    const optimizers = OPTIMIZERS.filter((o) => o.kind !== "normalized-gd" || problem.data.n > problem.data.d);
    const runs = optimizers.map((optimizer) =>
      compileRun({
        problem: { kind: "least-squares", ...problem },
        optimizer: problem.reduction === "mean" && optimizer.kind !== "normalized-gd"
          ? { ...optimizer, lr: optimizer.lr * 10 }
          : optimizer,
        init: { kind: "gaussian", scale: 0.1, seed: 1 },
        steps: 200_000,
      })
    );
    const engines = await createWebGpuEngines(runs, { gpu });
    const errors = await parityAt(runs, engines, [10_000, 200_000]);
    errors.forEach((atT, c) =>
      atT.forEach((e, i) => {
        const what = `${name} ${JSON.stringify(runs[i]!.spec.optimizer)} at ${[1e4, 2e5][c]}`;
        assert.ok(e.cosGap <= 1e-8, `${what}: 1 − cos = ${e.cosGap}`);
        assert.ok(e.normError <= 1e-5, `${what}: relative norm error = ${e.normError}`);
      })
    );
    for (const e of engines) e.dispose();
  });
}

gpuTest("leastSquaresKernel evaluates loss and gradient like the CPU engine, on both paths", async (gpu) => {
  const run = compileRun({
    problem: { kind: "least-squares", data: { kind: "gaussian", n: 100, d: 40, noise: 0.5, seed: 1 } },
    init: { kind: "gaussian", scale: 1, seed: 4 },
    steps: 1,
  });
  const want = await createCpuEngine(run).read();
  for (const path of ["fused", "multi"] as const) {
    const [engine] = await createWebGpuEngines([run], { gpu, path });
    const got = await engine!.read();
    assertClose(got.loss, want.loss, { rtol: 1e-5 }, `${path} loss`);
    assertClose(got.gradNorm, want.gradNorm, { rtol: 1e-5 }, `${path} gradient norm`);
    engine!.dispose();
  }
});
