import type { GpuContext } from "../../src/webgpu/device.ts";

/**
 * Evaluates a float32 WGSL expression of `a` and `b` on the GPU for each pair
 * of arguments: `sources` (the kernels' text, with any stubs they need) are
 * compiled with a one-invocation harness that writes `out[i] = expr(a[i], b[i])`.
 *
 * @param gpu The device.
 * @param sources WGSL to compile before the harness.
 * @param expr A WGSL expression of `a` and `b` (f32) giving an f32.
 * @param args The argument pairs.
 * @param options Pipeline-overridable constants of the sources, and the
 *   uniform bindings (group 0) they declare and use, bound to zeroed 16-byte buffers.
 * @returns The results, in order.
 */
export async function evaluateWgsl(
  gpu: GpuContext,
  sources: readonly string[],
  expr: string,
  args: readonly [number, number][],
  options: { constants?: Record<string, number>; uniforms?: readonly number[] } = {},
): Promise<Float32Array> {
  const harness = `
@group(0) @binding(6) var<storage, read_write> io: array<f32>;
override COUNT: u32 = 1u;
@compute @workgroup_size(1)
fn main() {
  for (var i = 0u; i < COUNT; i++) {
    let a = io[2u * i];
    let b = io[2u * i + 1u];
    io[2u * COUNT + i] = ${expr};
  }
}`;
  const { device } = gpu;
  const module = device.createShaderModule({ code: [...sources, harness].join("\n") });
  const pipeline = await device.createComputePipelineAsync({
    layout: "auto",
    compute: { module, entryPoint: "main", constants: { ...options.constants, COUNT: args.length } },
  });
  const bytes = args.length * 3 * 4;
  const io = device.createBuffer({
    size: bytes,
    usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST,
  });
  device.queue.writeBuffer(io, 0, Float32Array.from(args.flat()));
  const read = device.createBuffer({ size: bytes, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
  const group = device.createBindGroup({
    layout: pipeline.getBindGroupLayout(0),
    entries: [
      ...(options.uniforms ?? []).map((binding) => ({
        binding,
        resource: { buffer: device.createBuffer({ size: 16, usage: GPUBufferUsage.UNIFORM }) },
      })),
      { binding: 6, resource: { buffer: io } },
    ],
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

/**
 * The error of a float32 result in units of float32's spacing at the exact
 * value (ulp; subnormal spacing below 2⁻¹²⁶).
 *
 * @param got The float32 result.
 * @param want The exact value.
 * @returns The error in ulp.
 */
export function ulps(got: number, want: number): number {
  const spacing = 2 ** (Math.floor(Math.log2(Math.max(Math.abs(want), 2 ** -126))) - 23);
  return Math.abs(got - want) / spacing;
}
