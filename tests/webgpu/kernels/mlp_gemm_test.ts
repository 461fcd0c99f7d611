import assert from "node:assert/strict";
import { gpuTest } from "../_with_gpu.ts";
import type { GpuContext } from "../../../src/webgpu/device.ts";
import { tiledPipelines } from "../../../src/webgpu/_mlp_tiled_pipelines.ts";
import { gemmLoops } from "../../../src/webgpu/_mlp_tiled_plan.ts";

/** Runs mlp_gemm.wgsl once for C (m×n) = L·Rᵀ over k (row-major L: m×k, R: n×k), no flags; returns C. */
async function gemm(gpu: GpuContext, m: number, n: number, k: number, l: Float32Array, r: Float32Array) {
  const { device } = gpu;
  const { gemm: pipeline } = await tiledPipelines(gpu);
  const S = GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST | GPUBufferUsage.COPY_SRC;
  const make = (data: ArrayBufferView<ArrayBuffer>, usage = S) => {
    const b = device.createBuffer({ size: Math.max(16, data.byteLength), usage });
    device.queue.writeBuffer(b, 0, data);
    return b;
  };
  const uniform = make(
    new Uint32Array([m, n, k, 0, 0, k, 1, 0, 0, k, 1, 0, 0, n, 1, 0]),
    GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST,
  );
  const steps = make(new Uint32Array([0, 1, 0, 0]));
  const lhs = make(l as Float32Array<ArrayBuffer>), rhs = make(r as Float32Array<ArrayBuffer>);
  const dummy = make(new Float32Array(4)), out = make(new Float32Array(m * n));
  const read = device.createBuffer({
    size: Math.max(16, 4 * m * n),
    usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
  });
  const encoder = device.createCommandEncoder();
  const pass = encoder.beginComputePass();
  pass.setPipeline(pipeline);
  pass.setBindGroup(
    0,
    device.createBindGroup({
      layout: pipeline.getBindGroupLayout(0),
      entries: [uniform, steps, lhs, rhs, dummy, dummy, out].map((buffer, binding) => ({
        binding,
        resource: { buffer },
      })),
    }),
  );
  pass.dispatchWorkgroups(Math.ceil(n / 32), Math.ceil(m / 32));
  pass.end();
  encoder.copyBufferToBuffer(out, 0, read, 0, 4 * m * n);
  device.queue.submit([encoder.finish()]);
  await read.mapAsync(GPUMapMode.READ);
  const c = new Float32Array(read.getMappedRange().slice(0, 4 * m * n));
  for (const b of [uniform, steps, lhs, rhs, dummy, out, read]) b.destroy();
  return c;
}

gpuTest(
  "mlp_gemm.wgsl multiplies ragged shapes (edges of tiles and of the contraction) like a float64 product",
  async (gpu) => {
    for (const [m, n, k] of [[1, 1, 1], [5, 37, 13], [33, 70, 9], [64, 3, 100]] as const) {
      const l = Float32Array.from({ length: m * k }, (_, i) => Math.sin(i * 0.7));
      const r = Float32Array.from({ length: n * k }, (_, i) => Math.cos(i * 1.3));
      const c = await gemm(gpu, m, n, k, l, r);
      for (let i = 0; i < m; i++) {
        for (let j = 0; j < n; j++) {
          let want = 0;
          for (let t = 0; t < k; t++) want += l[i * k + t]! * r[j * k + t]!;
          assert.ok(
            Math.abs(c[i * n + j]! - want) <= 1e-5 * k,
            `${m}×${n}×${k} at (${i}, ${j}): ${c[i * n + j]} vs ${want}`,
          );
        }
      }
    }
  },
);

gpuTest(
  "mlp_gemm.wgsl's loop bound is no undercount: a contraction at llvmpipe's real cap (65,535) runs in full",
  async (gpu) => {
    // The largest k whose bound reaches the cap: were the true count higher, llvmpipe would cut the invocation
    // short and the sum of k ones would come out below k.
    let k = 8;
    while (gemmLoops(k + 8) <= 65_535) k += 8;
    const ones = new Float32Array(k).fill(1);
    const [sum] = await gemm(gpu, 1, 1, k, ones, ones);
    assert.equal(sum, k);
  },
);
