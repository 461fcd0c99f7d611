import { acquireGpu, gpuAdapterKind, type GpuContext } from "../../src/webgpu/device.ts";

/** True where this runtime has no WebGPU adapter at all (CI installs llvmpipe, so it has one). */
export const noGpu: boolean = (await gpuAdapterKind()).kind === "none";

/**
 * A GPU test: skipped without an adapter; runs `fn` on a fresh device
 * checked for validation errors and failures (unless the test `losesDevice`
 * on purpose), and destroys the device afterwards.
 */
export function gpuTest(
  name: string,
  fn: (gpu: GpuContext) => Promise<void>,
  options: { losesDevice?: boolean } = {},
): void {
  Deno.test({
    name,
    ignore: noGpu,
    async fn() {
      const gpu = await acquireGpu({ label: `test: ${name}` });
      try {
        gpu.device.pushErrorScope("validation");
        await fn(gpu);
        const error = await gpu.device.popErrorScope();
        if (error !== null) throw new Error(`Validation error: ${error.message}`);
        if (gpu.failure !== null && !options.losesDevice) throw gpu.failure;
      } finally {
        gpu.device.destroy();
      }
    },
  });
}
