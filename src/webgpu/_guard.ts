import type { GpuContext } from "./device.ts";

/**
 * `promise`, or the GPU's failure if that comes first: every wait on the GPU
 * goes through here, so a lost device fails the run instead of hanging it.
 */
export async function guard<T>(gpu: GpuContext, promise: Promise<T>): Promise<T> {
  if (gpu.failure !== null) {
    promise.catch(() => {});
    throw gpu.failure;
  }
  try {
    return await Promise.race([promise, gpu.failed.then((e) => Promise.reject(e))]);
  } catch (e) {
    // A destroyed device first fails pending maps with a bare "validation
    // error"; its loss (the reason) is reported a moment later.
    await Promise.race([gpu.failed, new Promise((resolve) => setTimeout(resolve, 100))]);
    throw gpu.failure ?? e;
  }
}

/** Throws the GPU's failure, if any. */
export function throwIfFailed(gpu: GpuContext): void {
  if (gpu.failure !== null) throw gpu.failure;
}

/**
 * Runs `encode` between validation and out-of-memory error scopes; the
 * returned promise rejects with the first error the GPU reported.
 */
export function scoped(gpu: GpuContext, what: string, encode: () => void): Promise<void> {
  const { device } = gpu;
  device.pushErrorScope("out-of-memory");
  device.pushErrorScope("validation");
  let thrown: unknown = null;
  try {
    encode();
  } catch (e) {
    thrown = e ?? new Error(`Cannot encode ${what}`);
  }
  const validation = device.popErrorScope();
  const memory = device.popErrorScope();
  if (thrown !== null) {
    Promise.all([validation, memory]).catch(() => {});
    return Promise.reject(thrown);
  }
  return Promise.all([validation, memory]).then(([v, m]) => {
    const error = v ?? m;
    if (error !== null) throw new Error(`The GPU rejected ${what}: ${error.message}`);
  });
}
