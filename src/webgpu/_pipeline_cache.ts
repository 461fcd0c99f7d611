// Pipelines built once per (device, key): a WeakMap so that a destroyed or
// lost device takes its pipelines with it (as webgpu-utils' generate-mipmap).
const byDevice = new WeakMap<GPUDevice, Map<string, Promise<GPUComputePipeline>>>();
const modules = new WeakMap<GPUDevice, Map<string, Promise<GPUShaderModule>>>();

/**
 * The compiled shader module of `code` on `device`, built once.
 *
 * @throws {SyntaxError} listing the compiler's messages when the WGSL does not compile.
 */
export function cachedModule(device: GPUDevice, label: string, code: string): Promise<GPUShaderModule> {
  let cache = modules.get(device);
  if (cache === undefined) modules.set(device, cache = new Map());
  let module = cache.get(code);
  if (module === undefined) {
    module = compile(device, label, code);
    cache.set(code, module);
    module.catch(() => cache.delete(code));
  }
  return module;
}

/** The compute pipeline of `key` on `device`, built by `create` once (again after a failure). */
export function cachedPipeline(
  device: GPUDevice,
  key: string,
  create: () => Promise<GPUComputePipeline>,
): Promise<GPUComputePipeline> {
  let cache = byDevice.get(device);
  if (cache === undefined) byDevice.set(device, cache = new Map());
  let pipeline = cache.get(key);
  if (pipeline === undefined) {
    pipeline = create();
    cache.set(key, pipeline);
    pipeline.catch(() => cache.delete(key));
  }
  return pipeline;
}

async function compile(device: GPUDevice, label: string, code: string): Promise<GPUShaderModule> {
  device.pushErrorScope("validation");
  const module = device.createShaderModule({ label, code });
  const [info, error] = await Promise.all([module.getCompilationInfo(), device.popErrorScope()]);
  const errors = info.messages.filter((m) => m.type === "error");
  if (errors.length > 0 || error !== null) {
    const lines = errors.map((m) => `${label}:${m.lineNum}:${m.linePos}: ${m.message}`);
    throw new SyntaxError(`Cannot compile WGSL module ${label}: ${lines.join("; ") || error?.message}`);
  }
  return module;
}
