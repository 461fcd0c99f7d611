import { acquireGpu, gpuAdapterKind, type GpuContext } from "../../src/webgpu/device.ts";

/** True where this runtime has no WebGPU adapter at all (CI installs llvmpipe, so it has one). */
export const noGpu: boolean = (await gpuAdapterKind()).kind === "none";

/**
 * Whether GPU tests are skipped: only without an adapter and outside CI. With
 * `CI=true` a missing adapter fails every GPU test instead of hiding them as
 * ignored (a CI machine without llvmpipe would otherwise pass with no GPU
 * coverage at all).
 */
export const skipGpu: boolean = noGpu && Deno.env.get("CI") !== "true";

/** The error a GPU test fails with in CI when there is no adapter. */
export function noAdapterInCi(): Error {
  return new Error(
    "CI=true but this machine has no WebGPU adapter: install Mesa's llvmpipe (libgl1-mesa-dri, libegl-mesa0) " +
      "so that the GPU tests run rather than being ignored",
  );
}

/**
 * A GPU test: skipped without an adapter (failed instead under `CI=true`); runs `fn` on a fresh device
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
    ignore: skipGpu,
    async fn() {
      if (noGpu) throw noAdapterInCi();
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
