import assert from "node:assert/strict";
import { multiclassKernel } from "../../../src/webgpu/kernels/multiclass.ts";
import type { BoundProblemKernel } from "../../../src/webgpu/kernels/problem_kernel.ts";
import { multiclass } from "../../../src/problems/multiclass/multiclass.ts";
import { leastSquares } from "../../../src/problems/least_squares/least_squares.ts";
import { gpuTest } from "../_with_gpu.ts";
import { assertParity, runsOf } from "../optimizers/_optimizer_parity.ts";
import { assertLoopBounds, assertPointParity, OTHER_RULES } from "./_kernel_checks.ts";

// The soudry-multiclass preset's data (3 classes), and 5 classes with the
// mean over 200 rows (4 blocks on the multi-workgroup path).
const MC = {
  kind: "multiclass",
  reduction: "sum",
  data: { kind: "separable", n: 30, d: 5, classes: 3, margin: 0.1, seed: 1 },
} as const;
const MC_MEAN = {
  kind: "multiclass",
  reduction: "mean",
  data: { kind: "separable", n: 200, d: 8, classes: 5, margin: 0.1, seed: 2 },
} as const;
// 40 classes of 2 features: a chunk's 6 rows have 240 scores, more than the
// workgroup's 128 threads, and 60 rows take 10 chunks.
const MANY = {
  kind: "multiclass",
  reduction: "sum",
  data: {
    kind: "points",
    x: Array.from({ length: 60 }, (_, i) => [Math.cos(i * 0.7), Math.sin(i * 1.3)]),
    y: Array.from({ length: 60 }, (_, i) => i % 40),
  },
} as const;

Deno.test("multiclassKernel.bind() uploads x and the labels in float32, with k in its signature", () => {
  const problem = multiclass({ n: 2, d: 2, x: new Float64Array([1, 2, 3, 0.1]), y: new Float64Array([2, 0]) }, {
    classes: 3,
    reduction: "mean",
  });
  const bound = multiclassKernel.bind(problem) as BoundProblemKernel;
  assert.deepEqual([bound.params, bound.rows, bound.mean], [6, 2, true]);
  assert.deepEqual(Array.from(bound.data[0]!), [1, 2, 3, Math.fround(0.1)]);
  assert.deepEqual(Array.from(bound.data[1]!), [2, 0]);
  assert.equal(bound.signature, "mean/2x2/3");
  assert.deepEqual(bound.layout(64).constants, { D: 2, K: 3, MC_ROWS: 64, MC_PAIRS: 192 });
  assert.equal(multiclassKernel.logGradient, true);
});

Deno.test("multiclassKernel.bind() refuses other problem kinds", () => {
  const other = leastSquares({ n: 1, d: 1, x: new Float64Array([1]), y: new Float64Array([1]) }, { reduction: "sum" });
  assert.match(multiclassKernel.bind(other) as string, /cannot run a least-squares problem/);
});

Deno.test("multiclassKernel layouts keep a chunk's scores small as k grows", () => {
  const bind = (k: number) =>
    multiclassKernel.bind(multiclass({ n: 1, d: 3, x: new Float64Array(3), y: new Float64Array(1) }, {
      classes: k,
      reduction: "sum",
    })) as BoundProblemKernel;
  assert.equal(bind(3).layout(256).rowsPerChunk, 85);
  assert.equal(bind(300).layout(256).rowsPerChunk, 1);
  assert.equal(bind(300).layout(256).constants.MC_PAIRS, 300);
  assert.ok(bind(300).layout(32).blockLoops(1) > 3 * 300);
});

gpuTest("multiclassKernel matches the float64 engine after 1e4 and 2e5 steps", async (gpu) => {
  const runs = runsOf(MC, [
    { kind: "gd", lr: 0.05 },
    { kind: "gd", lr: 0.005, momentum: 0.9, nesterov: true },
    // 2·10⁵ steps take L to 10⁻⁴⁵, below float32's range: ∇L/L is followed through the shift.
    { kind: "normalized-gd", lr: 0.01 },
    { kind: "sgd", lr: 0.05, batch: 4, seed: 3, momentum: 0.5 },
    { kind: "adam", lr: 1e-3 },
  ], 200_000);
  await assertParity(gpu, runs, [10_000, 200_000]);
});

gpuTest("multiclassKernel matches the float64 engine on the multi-workgroup path", async (gpu) => {
  const runs = runsOf(MC_MEAN, [
    { kind: "gd", lr: 1 },
    { kind: "gd", lr: 0.1, momentum: 0.9, nesterov: true },
    { kind: "normalized-gd", lr: 0.01 },
    { kind: "sgd", lr: 0.5, batch: 16, seed: 3, momentum: 0.5 },
    { kind: "adam", lr: 3e-3 },
  ], 10_000);
  await assertParity(gpu, runs, [10_000], { path: "multi" });
});

gpuTest("multiclassKernel runs every other update rule as the float64 engine does", async (gpu) => {
  const runs = runsOf(MC, OTHER_RULES, 2_000);
  await assertParity(gpu, runs, [2_000]);
});

gpuTest("multiclassKernel evaluates loss and gradient like the CPU engine, on both paths", async (gpu) => {
  // Scale 3: some rows misclassified by a wide gap (the log-sum-exp branch), others well classified.
  const init = { kind: "gaussian", scale: 3, seed: 4 };
  await assertPointParity(gpu, MC, init);
  await assertPointParity(gpu, { ...MC_MEAN, data: { ...MC_MEAN.data, n: 40 } }, init);
  await assertPointParity(gpu, MANY, init);
});

gpuTest("multiclassKernel's loop bounds hold at llvmpipe's cap", async (gpu) => {
  const runs = runsOf(MANY, [{ kind: "gd", lr: 0.01 }], 1_000);
  runs.push(...runsOf(MANY, [{ kind: "normalized-gd", lr: 1e-3 }], 1_000));
  await assertLoopBounds(gpu, multiclassKernel, runs, 1_000);
});
