import assert from "node:assert/strict";
import { compileRun } from "../../../src/run/compile_run.ts";
import { createWebGpuEngines } from "../../../src/webgpu/create_webgpu_engines.ts";
import { linearClassificationKernel } from "../../../src/webgpu/kernels/linear_classification.ts";
import { linearNetKernel } from "../../../src/webgpu/kernels/linear_net.ts";
import type { BoundProblemKernel, ProblemKernel } from "../../../src/webgpu/kernels/problem_kernel.ts";
import { linearClassification } from "../../../src/problems/linear_classification/linear_classification.ts";
import { separableData } from "../../../src/problems/shared/separable_data.ts";
import { linearNet } from "../../../src/problems/linear_net/linear_net.ts";
import { labeledData } from "../../../src/problems/shared/labeled_data.ts";
import { LOOP_BUDGET, planBatch } from "../../../src/webgpu/_plan.ts";
import { ROW_PASS_COLUMNS } from "../../../src/webgpu/kernels/_linear_rows.ts";
import { gpuTest } from "../_with_gpu.ts";
import { parityAt } from "../_parity.ts";
import { POINT_RTOL } from "./_kernel_checks.ts";
import { createCpuEngine } from "../../../src/cpu/cpu_engine.ts";
import { assertClose } from "../../_assert_close.ts";
import { relativeDistance } from "../optimizers/_optimizer_parity.ts";

// The register row pass (lr_pass in linear_rows.wgsl) that linear models use
// on the multi-workgroup path, and the fold of the blocks' parts (multi_fold).

function bound(n: number, d: number): BoundProblemKernel {
  const problem = linearClassification(separableData({ n, d, margin: 0, seed: 0 }), {
    loss: "logistic",
    reduction: "mean",
  });
  return linearClassificationKernel.bind(problem) as BoundProblemKernel;
}

const LIMITS = { maxWorkgroupBytes: 16_384, maxBindingBytes: 2 ** 27, runs: 1 };

Deno.test("linear models take the register row pass on the multi-workgroup path only", () => {
  for (const [d, lanes] of [[2, 1], [8, 1], [40, 8], [256, 32], [300, 64]] as const) {
    const b = { ...bound(8, d), rows: 65_536 };
    const multi = planBatch({ bound: b, rowsPerStep: 65_536, minMarginPass: false, ...LIMITS, path: "multi" });
    assert.equal(multi.kernel.constants.ROW_PASS, 1, `d = ${d}`);
    assert.equal(multi.kernel.constants.RP_LANES, lanes, `d = ${d}`);
    assert.ok(d <= ROW_PASS_COLUMNS * lanes && (lanes === 1 || d > ROW_PASS_COLUMNS * lanes / 2), `d = ${d}`);
    assert.equal(multi.kernel.rowsPerChunk, multi.wg / lanes);
    const fused = planBatch({ bound: bound(64, d), rowsPerStep: 64, minMarginPass: false, ...LIMITS, path: "fused" });
    assert.equal(fused.kernel.constants.ROW_PASS, undefined);
  }
  // Wider than 8 columns per thread of the largest workgroup: the chunked block.
  assert.equal(bound(8, 4096).layout(256, "multi").constants.ROW_PASS, undefined);
});

Deno.test("planBatch() keeps the row pass's blocks and the fold within llvmpipe's loop cap", () => {
  for (const [n, d] of [[65_536, 256], [2 ** 22, 8], [2 ** 20, 300], [2 ** 24, 64]] as const) {
    const b = { ...bound(8, d), rows: n };
    const plan = planBatch({ bound: b, rowsPerStep: n, minMarginPass: true, ...LIMITS, maxBindingBytes: 2 ** 31 });
    assert.equal(plan.path, "multi");
    const rows = Math.ceil(n / plan.blocks);
    const loops = plan.kernel.blockLoops(rows) + plan.kernel.minMarginLoops(rows);
    assert.ok(loops < LOOP_BUDGET, `${n}×${d}: ${plan.blocks} blocks of ${rows} rows, ${loops} loops`);
    // A thread of multi_fold adds every (wg / 8)-th block.
    assert.ok(plan.blocks / (plan.wg / 8) < LOOP_BUDGET);
  }
  // The bound grows with the rows (so that the planner splits long blocks) and counts each chunk.
  const layout = bound(8, 256).layout(256, "multi");
  assert.ok(layout.blockLoops(4096) - layout.blockLoops(2048) >= 2048 / layout.rowsPerChunk * 18);
});

const PROBLEM = (n: number, d: number, loss = "logistic") => ({
  kind: "linear-classification",
  loss,
  reduction: "mean",
  data: { kind: "separable", n, d, margin: 0.1, seed: 3 },
});

// d = 8 (one thread per row), 40 (8 lanes, 5 of 8 column slots used), 300 (64
// lanes, wg = 256: 4 rows per chunk); n gives every case tens of blocks, so
// the fold adds many parts (and, at d = 300, 38 workgroups of 8 columns). The
// gradient is read back as GD's momentum after one step (b₁ = ∇L(w₀)). Multi
// only: the fused driver's block is tested with every kernel.
for (const [n, d] of [[900, 8], [600, 40], [100, 300]] as const) {
  gpuTest(`the row pass evaluates loss and gradient like the float64 engine at n = ${n}, d = ${d}`, async (gpu) => {
    const run = compileRun({
      problem: PROBLEM(n, d),
      optimizer: { kind: "gd", lr: 1e-30, momentum: 0.5 },
      init: { kind: "gaussian", scale: 0.3, seed: 2 },
      steps: 1,
    });
    const want = await createCpuEngine(run).read();
    const grad = new Float64Array(run.problem.size);
    run.problem.gradient(run.init, grad, false);
    const [engine] = await createWebGpuEngines([run], { gpu, path: "multi" });
    try {
      assert.ok(engine!.plan.blocks >= 25, `${engine!.plan.blocks} blocks`);
      const got = await engine!.read();
      assertClose(got.loss, want.loss, { rtol: POINT_RTOL }, "loss");
      assertClose(got.gradNorm, want.gradNorm, { rtol: POINT_RTOL }, "gradient norm");
      await engine!.advance(1);
      const err = relativeDistance((await engine!.read()).params.momentum!.data, grad);
      assert.ok(err <= POINT_RTOL, `gradient: relative error ${err.toExponential(2)}`);
    } finally {
      engine!.dispose();
    }
  });
}

gpuTest(
  "the row pass steps gd, normalized gd and sgd like the float64 engine (multi-workgroup, 300 steps)",
  async (gpu) => {
    const optimizers = [
      { kind: "gd", lr: 0.5, momentum: 0.9 },
      { kind: "normalized-gd", lr: 0.05 },
      { kind: "sgd", lr: 0.2, batch: 50, seed: 4 },
    ];
    for (const loss of ["logistic", "exp"]) {
      const runs = optimizers.map((optimizer) =>
        compileRun({ problem: PROBLEM(600, 40, loss), optimizer, init: { kind: "zeros" }, steps: 300 })
      );
      const engines = await createWebGpuEngines(runs, { gpu, path: "multi" });
      try {
        const errors = await parityAt(runs, engines, [300]);
        errors[0]!.forEach((e, i) => {
          const what = `${loss} ${runs[i]!.spec.optimizer.kind}`;
          assert.ok(e.cosGap <= 1e-8, `${what}: 1 − cos = ${e.cosGap}`);
          assert.ok(e.normError <= 1e-5, `${what}: relative norm error = ${e.normError}`);
        });
      } finally {
        for (const e of engines) e.dispose();
      }
    }
  },
);

// The row pass's loop bound at llvmpipe's real cap: a kernel whose layout
// claims rows without end per chunk gets one block at first, and the planner
// doubles the blocks only while the bound (scaled so that blocks pack up to
// 65,535) exceeds the budget. If the bound undercounted the pass's loops, the
// shader would be cut inside its blocks and the gradient come out wrong.
gpuTest(
  "the row pass's loop bound holds at llvmpipe's real cap (blocks packed up to 65,535 iterations)",
  async (gpu) => {
    const f = LOOP_BUDGET / 65_535;
    const packed: ProblemKernel = {
      ...linearClassificationKernel,
      bind(problem) {
        const b = linearClassificationKernel.bind(problem);
        if (typeof b === "string") return b;
        return {
          ...b,
          layout(wg, path) {
            const layout = b.layout(wg, path);
            return { ...layout, rowsPerChunk: 2 ** 30, blockLoops: (m) => layout.blockLoops(m) * f };
          },
        };
      },
    };
    const n = 160_000, d = 8;
    const problem = { ...PROBLEM(n, d), reduction: "sum" };
    const run = compileRun({ problem, optimizer: { kind: "gd", lr: 1e-30, momentum: 0.5 }, steps: 1 });
    const [engine] = await createWebGpuEngines([run], {
      gpu,
      path: "multi",
      kernels: { "linear-classification": packed },
    });
    try {
      const rows = Math.ceil(n / engine!.plan.blocks);
      assert.ok(engine!.plan.blocks <= 8, `${engine!.plan.blocks} blocks`);
      const layout = (packed.bind(run.problem) as BoundProblemKernel).layout(engine!.plan.workgroupSize, "multi");
      assert.ok(layout.blockLoops(rows) > 0.45 * LOOP_BUDGET, `${rows} rows a block: ${layout.blockLoops(rows)} loops`);
      await engine!.advance(1);
      const got = (await engine!.read()).params.momentum!.data;
      const want = new Float64Array(d);
      run.problem.gradient(run.init, want, false);
      const scale = Math.max(...want.map(Math.abs));
      got.forEach((g, j) => assert.ok(Math.abs(g - want[j]!) <= 1e-4 * scale, `∂${j}: ${g} vs ${want[j]}`));
    } finally {
      engine!.dispose();
    }
  },
);

Deno.test("the nets keep the chunked block on the multi-workgroup path", () => {
  const problem = linearNet(labeledData([[1, 0, 2, 1], [0, 1, -1, 2]], [1, -1]), {
    widths: [3],
    loss: "exp",
    reduction: "sum",
  });
  const net = linearNetKernel.bind(problem) as BoundProblemKernel;
  assert.equal(net.layout(32, "multi").constants.ROW_PASS, undefined);
});

Deno.test("planBatch() takes a fused workgroup size when asked, within the loop budget", () => {
  const plan = planBatch({
    bound: bound(256, 8),
    rowsPerStep: 256,
    minMarginPass: false,
    ...LIMITS,
    fusedWorkgroupSize: 32,
  });
  assert.deepEqual([plan.path, plan.wg, plan.kernel.rowsPerChunk], ["fused", 32, 32]);
  assert.ok(plan.stepsPerDispatch * plan.kernel.blockLoops(256) < LOOP_BUDGET);
  for (const bad of [16, 48, 512]) {
    assert.throws(
      () =>
        planBatch({ bound: bound(256, 8), rowsPerStep: 256, minMarginPass: false, ...LIMITS, fusedWorkgroupSize: bad }),
      new RegExp(`power of two in \\[32, 256\\] \\(saw ${bad}\\)`),
    );
  }
});

gpuTest(
  "the fused path with one 32-thread workgroup per run of 256 rows steps like the float64 engine",
  async (gpu) => {
    const run = compileRun({ problem: PROBLEM(256, 8), optimizer: { kind: "gd", lr: 0.5, momentum: 0.9 }, steps: 500 });
    const [engine] = await createWebGpuEngines([run], { gpu, fusedWorkgroupSize: 32 });
    try {
      assert.deepEqual([engine!.plan.path, engine!.plan.workgroupSize], ["fused", 32]);
      const [e] = (await parityAt([run], [engine!], [500]))[0]!;
      assert.ok(e!.cosGap <= 1e-8 && e!.normError <= 1e-5, JSON.stringify(e));
    } finally {
      engine!.dispose();
    }
  },
);
