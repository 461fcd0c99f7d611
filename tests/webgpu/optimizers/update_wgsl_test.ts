import assert from "node:assert/strict";
import common from "../../../src/webgpu/kernels/common.wgsl" with { type: "text" };
import update from "../../../src/webgpu/optimizers/update.wgsl" with { type: "text" };
import type { GpuContext } from "../../../src/webgpu/device.ts";
import { gpuTest } from "../_with_gpu.ts";

// update.wgsl's float32 math, evaluated on the GPU: out[i] = f(a[i], b[i]).
const HARNESS = `
@group(0) @binding(6) var<storage, read_write> io: array<f32>;
fn slot_get(run: u32, s: u32, j: u32) -> f32 { return 0.0; }
fn slot_set(run: u32, s: u32, j: u32, v: f32) {}
fn slot_sync() {}
override FN: u32 = 0u;
override COUNT: u32 = 1u;
@compute @workgroup_size(1)
fn main() {
  for (var i = 0u; i < COUNT; i++) {
    let a = io[2u * i];
    let b = io[2u * i + 1u];
    var r = 0.0;
    if (FN == 0u) { r = log_acc(a); }
    if (FN == 1u) { r = pow_acc(a, b); }
    if (FN == 2u) { r = expm1_acc(a); }
    io[2u * COUNT + i] = r;
  }
}`;

async function evaluate(gpu: GpuContext, fn: number, args: readonly [number, number][]): Promise<Float32Array> {
  const { device } = gpu;
  const module = device.createShaderModule({ code: [common, update, HARNESS].join("\n") });
  const pipeline = await device.createComputePipelineAsync({
    layout: "auto",
    compute: { module, entryPoint: "main", constants: { FN: fn, COUNT: args.length } },
  });
  const bytes = args.length * 3 * 4;
  const io = device.createBuffer({
    size: bytes,
    usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST,
  });
  device.queue.writeBuffer(io, 0, Float32Array.from(args.flat()));
  const ctl = device.createBuffer({ size: 16, usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST });
  const read = device.createBuffer({ size: bytes, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
  const group = device.createBindGroup({
    layout: pipeline.getBindGroupLayout(0),
    entries: [{ binding: 0, resource: { buffer: ctl } }, { binding: 6, resource: { buffer: io } }],
  });
  const encoder = device.createCommandEncoder();
  const pass = encoder.beginComputePass();
  pass.setPipeline(pipeline);
  pass.setBindGroup(0, group);
  pass.dispatchWorkgroups(1);
  pass.end();
  encoder.copyBufferToBuffer(io, 0, read, 0, bytes);
  device.queue.submit([encoder.finish()]);
  await read.mapAsync(GPUMapMode.READ);
  const out = new Float32Array(read.getMappedRange().slice(args.length * 2 * 4));
  read.unmap();
  return out;
}

/** Errors in units of float32's spacing at the exact value (ulp). */
function ulps(got: number, want: number): number {
  const spacing = 2 ** (Math.floor(Math.log2(Math.max(Math.abs(want), 2 ** -126))) - 23);
  return Math.abs(got - want) / spacing;
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

gpuTest("update.wgsl's expm1_acc keeps its relative accuracy at small |x|, where exp(x) − 1 cancels", async (gpu) => {
  const xs = [-1e-7, -1e-4, -0.001, -0.1, -0.3, -0.35, -0.36, -1, -10, -200, 1e-6, 0.2, 2].map(Math.fround);
  const got = await evaluate(gpu, 2, xs.map((x) => [x, 0]));
  xs.forEach((x, i) => {
    const want = Math.expm1(x);
    assert.ok(ulps(got[i]!, want) <= 4, `expm1(${x}): ${got[i]} vs ${want} (${ulps(got[i]!, want)} ulp)`);
  });
});
