import assert from "node:assert/strict";
import { FUSED_WORK_MAX, LOOP_BUDGET, planBatch } from "../../src/webgpu/_plan.ts";
import type { BoundProblemKernel } from "../../src/webgpu/kernels/problem_kernel.ts";
import { linearClassificationKernel } from "../../src/webgpu/kernels/linear_classification.ts";
import { linearClassification } from "../../src/problems/linear_classification/linear_classification.ts";
import { separableData } from "../../src/problems/shared/separable_data.ts";

function bound(n: number, d: number): BoundProblemKernel {
  const problem = linearClassification(separableData({ n, d, margin: 0, seed: 0 }), {
    loss: "logistic",
    reduction: "mean",
  });
  return linearClassificationKernel.bind(problem) as BoundProblemKernel;
}

const LIMITS = { maxWorkgroupBytes: 16_384, maxBindingBytes: 2 ** 27, runs: 1 };

Deno.test("planBatch() fuses small problems with steps per dispatch inside the loop budget", () => {
  for (const [n, d] of [[16, 2], [256, 8], [40, 6], [1000, 30]] as const) {
    for (const minMarginPass of [false, true]) {
      const b = bound(n, d);
      const plan = planBatch({ bound: b, rowsPerStep: n, minMarginPass, ...LIMITS });
      assert.equal(plan.path, "fused", `${n}×${d}`);
      const perStep = plan.kernel.blockLoops(n) + (minMarginPass ? plan.kernel.minMarginLoops(n) : 0);
      assert.ok(plan.stepsPerDispatch >= 1);
      assert.ok(plan.stepsPerDispatch * perStep < LOOP_BUDGET, `${n}×${d}: ${plan.stepsPerDispatch} × ${perStep}`);
    }
  }
});

Deno.test("planBatch() spreads large problems over many workgroups within the loop budget", () => {
  const b = { ...bound(8, 256), rows: 65_536 }; // the layout depends on d only
  const plan = planBatch({ bound: b, rowsPerStep: 65_536, minMarginPass: false, ...LIMITS });
  assert.equal(plan.path, "multi");
  assert.ok(65_536 * 256 > FUSED_WORK_MAX);
  assert.ok(plan.blocks > 1 && plan.blocks <= 65_535);
  assert.ok(plan.kernel.blockLoops(Math.ceil(65_536 / plan.blocks)) < LOOP_BUDGET);
});

Deno.test("planBatch() uses fewer blocks when a sweep's partial sums would not fit a buffer binding", () => {
  const b = { ...bound(8, 256), rows: 65_536 };
  const one = planBatch({ bound: b, rowsPerStep: 65_536, minMarginPass: false, ...LIMITS });
  const many = planBatch({ bound: b, rowsPerStep: 65_536, minMarginPass: false, ...LIMITS, runs: 128 });
  assert.ok(many.blocks < one.blocks);
  assert.ok(128 * many.blocks * (256 + 2) * 4 <= 2 ** 27);
  assert.throws(
    () =>
      planBatch({
        bound: b,
        rowsPerStep: 65_536,
        minMarginPass: false,
        ...LIMITS,
        runs: 128,
        maxBindingBytes: 2 ** 16,
      }),
    /Cannot run 128 run\(s\) of a problem of 65536 rows and 256 parameters on WebGPU/,
  );
});

Deno.test("planBatch() honours a forced path and a cap on steps per dispatch", () => {
  const b = bound(256, 8);
  assert.equal(planBatch({ bound: b, rowsPerStep: 256, minMarginPass: false, path: "multi", ...LIMITS }).path, "multi");
  const one = planBatch({ bound: b, rowsPerStep: 256, minMarginPass: false, stepsPerDispatch: 1, ...LIMITS });
  assert.equal(one.stepsPerDispatch, 1);
  assert.throws(
    () => planBatch({ bound: bound(64, 2_000), rowsPerStep: 64, minMarginPass: false, path: "fused", ...LIMITS }),
    /Cannot run the fused WebGPU path: it needs \d+ bytes of workgroup memory but the device allows 16384/,
  );
});

Deno.test("planBatch() refuses the multi-workgroup path when the kernel's workgroup memory exceeds the device's", () => {
  // lr_part holds one partial sum per column: d = 4,000 floats are 16,000 bytes.
  const b = bound(64, 4_000);
  assert.throws(
    () => planBatch({ bound: b, rowsPerStep: 64, minMarginPass: false, ...LIMITS }),
    /Cannot run a problem of 4000 parameters on WebGPU: its kernel needs \d+ bytes of workgroup memory but the device allows 16384/,
  );
  assert.equal(
    planBatch({ bound: b, rowsPerStep: 64, minMarginPass: false, ...LIMITS, maxWorkgroupBytes: 32_768 }).path,
    "multi",
  );
});

Deno.test("planBatch() counts an update rule's state slots and loops, and a guarded rule's extra pass", () => {
  const b = bound(256, 8);
  const momentum = planBatch({ bound: b, rowsPerStep: 256, minMarginPass: false, ...LIMITS });
  const mirror = { slots: 9, guarded: true, loops: (p: number, wg: number) => 40 * (Math.ceil(p / wg) + 1) };
  const guarded = planBatch({ bound: b, rowsPerStep: 256, minMarginPass: false, update: mirror, ...LIMITS });
  assert.equal(guarded.path, "fused");
  assert.ok(guarded.stepsPerDispatch < momentum.stepsPerDispatch);
  // Each step's pass and update, and the dispatch's first check of its point.
  const perStep = guarded.kernel.blockLoops(256) + mirror.loops(8, guarded.wg);
  assert.ok((guarded.stepsPerDispatch + 1) * perStep < LOOP_BUDGET);
  // 9 slots of 300 parameters no longer fit 16 KiB of workgroup memory: auto goes multi-workgroup.
  const wide = bound(16, 300);
  assert.equal(planBatch({ bound: wide, rowsPerStep: 16, minMarginPass: false, ...LIMITS }).path, "fused");
  assert.equal(
    planBatch({ bound: wide, rowsPerStep: 16, minMarginPass: false, update: mirror, ...LIMITS }).path,
    "multi",
  );
});
