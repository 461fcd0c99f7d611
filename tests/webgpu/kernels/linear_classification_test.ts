import assert from "node:assert/strict";
import common from "../../../src/webgpu/kernels/common.wgsl" with { type: "text" };
import floatMath from "../../../src/webgpu/kernels/float_math.wgsl" with { type: "text" };
import source from "../../../src/webgpu/kernels/linear_classification.wgsl" with { type: "text" };
import { evaluateWgsl, ulps } from "../_evaluate_wgsl.ts";
import { gpuTest } from "../_with_gpu.ts";
import { linearClassificationKernel } from "../../../src/webgpu/kernels/linear_classification.ts";
import type { BoundProblemKernel } from "../../../src/webgpu/kernels/problem_kernel.ts";
import { linearClassification } from "../../../src/problems/linear_classification/linear_classification.ts";
import { labeledData } from "../../../src/problems/shared/labeled_data.ts";
import { leastSquares } from "../../../src/problems/least_squares/least_squares.ts";
import { separableData } from "../../../src/problems/shared/separable_data.ts";

Deno.test("linearClassificationKernel.bind() uploads z = y·x in float32 with the loss in its signature", () => {
  const problem = linearClassification(labeledData([[1, 2], [3, 0.1]], [1, -1]), { loss: "exp", reduction: "mean" });
  const bound = linearClassificationKernel.bind(problem) as BoundProblemKernel;
  assert.equal(bound.params, 2);
  assert.equal(bound.rows, 2);
  assert.equal(bound.mean, true);
  assert.deepEqual(Array.from(bound.data[0]!), [1, 2, -3, Math.fround(-0.1)]);
  assert.equal(bound.signature, "exp/mean/2x2");
  assert.deepEqual(bound.layout(32).constants, { D: 2, LOSS: 1, LANES: 1 });
});

Deno.test("linearClassificationKernel.bind() refuses other problem kinds", () => {
  const other = leastSquares(labeledData([[1]], [1]), { reduction: "sum" });
  assert.match(linearClassificationKernel.bind(other) as string, /cannot run a least-squares problem/);
});

Deno.test("linearClassificationKernel layouts share rows' dot products among lanes as d grows", () => {
  const bind = (d: number) =>
    linearClassificationKernel.bind(
      linearClassification(separableData({ n: 8, d, margin: 0, seed: 0 }), { loss: "logistic", reduction: "sum" }),
    ) as BoundProblemKernel;
  assert.equal(bind(8).layout(256).constants.LANES, 1);
  assert.equal(bind(256).layout(256).constants.LANES, 16);
  assert.equal(bind(256).layout(256).rowsPerChunk, 16);
  assert.equal(bind(4096).layout(64).constants.LANES, 32);
  const layout = bind(8).layout(256);
  assert.ok(layout.blockLoops(512) > layout.blockLoops(256));
  assert.ok(layout.workgroupBytes <= 16_384);
});

// ℓ(u)·e^shift for the logistic loss, as normalized GD evaluates it with the
// shift at the smallest margin: for u in (87, 104), e^−u is subnormal in
// float32, and GPUs that flush subnormals (NVIDIA) must not lose the row.
gpuTest(
  "linear_classification.wgsl's shifted logistic loss keeps its accuracy where e^−u is subnormal",
  async (gpu) => {
    const us = [0.5, 5, 16, 16.7, 17, 20, 50, 86, 87.5, 88, 90, 95, 100, 103.5, 104.5, 120];
    const cases: [number, number][] = us.flatMap((u) => [[u, 0], [u, u - 1]] as [number, number][])
      .map(([u, shift]) => [Math.fround(u), Math.fround(shift)]);
    const got = await evaluateWgsl(gpu, [common, floatMath, source], "row_loss(a, 0u, b)", cases, {
      constants: { LOSS: 0 },
      uniforms: [0],
    });
    cases.forEach(([u, shift], i) => {
      const want = Math.log1p(Math.exp(-u)) * Math.exp(shift);
      const what = `softplus(−${u})·e^${shift}: ${got[i]} vs ${want}`;
      if (want < 2 ** -126) assert.ok(got[i]! >= 0 && got[i]! <= 2 ** -126, what); // subnormal or flushed
      else assert.ok(ulps(got[i]!, want) <= 4, `${what} (${ulps(got[i]!, want).toFixed(1)} ulp)`);
    });
  },
);
