import assert from "node:assert/strict";
import common from "../../../src/webgpu/kernels/common.wgsl" with { type: "text" };
import floatMath from "../../../src/webgpu/kernels/float_math.wgsl" with { type: "text" };
import { reductionsWgsl } from "../../../src/webgpu/_reductions.ts";
import update from "../../../src/webgpu/optimizers/update.wgsl" with { type: "text" };
import type { GpuContext } from "../../../src/webgpu/device.ts";
import { evaluateWgsl, ulps } from "../_evaluate_wgsl.ts";
import { gpuTest } from "../_with_gpu.ts";

// update.wgsl's float32 math, evaluated on the GPU (update.wgsl reads and
// writes optimizer state through these hooks, which the harness does not use;
// its math reads the driver's uniforms).
const STUBS = `
fn slot_get(run: u32, s: u32, j: u32) -> f32 { return 0.0; }
fn slot_set(run: u32, s: u32, j: u32, v: f32) {}
fn slot_sync() {}`;

const FNS = ["log_acc(a)", "pow_acc(a, b)", "expm1_acc(a)"];

function evaluate(gpu: GpuContext, fn: number, args: readonly [number, number][]): Promise<Float32Array> {
  return evaluateWgsl(
    gpu,
    [common, floatMath, reductionsWgsl({ kind: "workgroup", reason: "test" }), update, STUBS],
    FNS[fn]!,
    args,
    { uniforms: [0] },
  );
}

gpuTest(
  "update.wgsl's log_acc is within 2 ulp of ln x, near 1 too, where WGSL's log is only absolutely accurate",
  async (gpu) => {
    const xs = [1e-30, 1e-6, 0.01, 0.3, 0.7071, 0.9, 0.999, 1 - 2 ** -20, 1, 1 + 2 ** -20, 1.001, 1.5, 2, 7, 1e6, 3e38]
      .map(Math.fround);
    const got = await evaluate(gpu, 0, xs.map((x) => [x, 0]));
    xs.forEach((x, i) => {
      const want = Math.log(x);
      assert.ok(ulps(got[i]!, want) <= 2 || (want === 0 && got[i] === 0), `ln ${x}: ${got[i]} vs ${want}`);
    });
  },
);

gpuTest("update.wgsl's pow_acc is within a few ulp for the ratios and norms the ℓq maps raise", async (gpu) => {
  const cases: [number, number][] = [
    [0.999999, 3],
    [0.5, 0.5],
    [0.123, 2],
    [1e-3, 3],
    [2.5, 1 / 3],
    [6, -0.5],
    [1, 7],
    [0, 2],
    [0, 0],
  ].map(([x, y]) => [Math.fround(x!), Math.fround(y!)]);
  const got = await evaluate(gpu, 1, cases);
  cases.forEach(([x, y], i) => {
    const want = x ** y;
    // exp(y·ln x) loses the rounding of y·ln x: |y ln x| ulp more.
    const bound = 3 + Math.abs(y * Math.log(x || 1));
    assert.ok(ulps(got[i]!, want) <= bound, `${x}^${y}: ${got[i]} vs ${want} (${ulps(got[i]!, want)} ulp)`);
  });
});

gpuTest(
  "float_math.wgsl's expm1_acc keeps its relative accuracy at small |x|, where exp(x) − 1 cancels",
  async (gpu) => {
    const xs = [-1e-7, -1e-4, -0.001, -0.1, -0.3, -0.35, -0.36, -1, -10, -200, 1e-6, 0.2, 2].map(Math.fround);
    const got = await evaluate(gpu, 2, xs.map((x) => [x, 0]));
    xs.forEach((x, i) => {
      const want = Math.expm1(x);
      assert.ok(ulps(got[i]!, want) <= 4, `expm1(${x}): ${got[i]} vs ${want} (${ulps(got[i]!, want)} ulp)`);
    });
  },
);
