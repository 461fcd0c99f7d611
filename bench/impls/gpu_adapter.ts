/** What the WebGPU adapter here is. */
export interface AdapterInfo {
  /** Vendor, architecture, device and description as the adapter reports them. */
  readonly name: string;
  /** A software rasterizer (llvmpipe, SwiftShader, WARP): slow, and not what `auto` picks. */
  readonly software: boolean;
}

let cached: Promise<AdapterInfo | null> | undefined;

/**
 * The default WebGPU adapter, or null when there is none (no `navigator.gpu`,
 * or no adapter).
 *
 * @returns Its description (looked up once).
 *
 * @example Usage
 * ```ts
 * import { gpuAdapter } from "./gpu_adapter.ts";
 *
 * console.log((await gpuAdapter())?.name ?? "no WebGPU adapter");
 * ```
 */
export function gpuAdapter(): Promise<AdapterInfo | null> {
  cached ??= (async () => {
    const gpu = (globalThis.navigator as { gpu?: GPU } | undefined)?.gpu;
    if (!gpu) return null;
    const adapter = await gpu.requestAdapter();
    if (!adapter) return null;
    const i = adapter.info;
    const name = [i.vendor, i.architecture, i.device, i.description].filter((s) => s).join(" ") || "unnamed adapter";
    const software = /llvmpipe|swiftshader|lavapipe|warp|software/i.test(name) ||
      (adapter as { isFallbackAdapter?: boolean }).isFallbackAdapter === true;
    return { name, software };
  })();
  return cached;
}

/** On a software adapter, workloads above this many multiply-adds per step are skipped (minutes per step). */
export const SOFTWARE_ADAPTER_MAX_WORK = 2 ** 16;
