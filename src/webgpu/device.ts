import { isSoftwareAdapter } from "./is_software_adapter.ts";

/** A WebGPU device, what its adapter is, and whether it has failed. */
export interface GpuContext {
  /** The device. */
  readonly device: GPUDevice;
  /** The adapter's description, e.g. "llvmpipe (LLVM 15.0.6, 256 bits)". */
  readonly adapterName: string;
  /** Whether the adapter computes on the CPU (llvmpipe, lavapipe, SwiftShader, …). */
  readonly software: boolean;
  /** The adapter's fixed-or-not subgroup sizes (`GPUAdapterInfo`); with `device.features`, `pickReductions` reads them. */
  readonly subgroupMinSize?: number;
  readonly subgroupMaxSize?: number;
  /** The first failure: the device was lost, or reported an error nobody captured. */
  readonly failure: Error | null;
  /** Resolves with the first failure (never, on a healthy device). */
  readonly failed: Promise<Error>;
}

/** Options of {@link acquireGpu}. */
export interface AcquireGpuOptions {
  /** Passed to `requestAdapter` (default "high-performance"). */
  powerPreference?: GPUPowerPreference;
  /** The device's label (default "biasflow"). */
  label?: string;
}

/**
 * Requests an adapter and a device with the adapter's largest storage-buffer,
 * buffer and workgroup-memory limits, and watches it: a lost device or an
 * uncaptured error sets `failure` (with a message saying what happened), so
 * that engines fail their run instead of hanging.
 *
 * @param options Power preference and label.
 * @returns The context; destroy `context.device` when done.
 * @throws {Error} when WebGPU or an adapter is not available.
 *
 * @example Usage
 * ```ts ignore
 * import { acquireGpu } from "./device.ts";
 *
 * const gpu = await acquireGpu();
 * console.log(gpu.adapterName, gpu.software);
 * gpu.device.destroy();
 * ```
 */
export async function acquireGpu(options: AcquireGpuOptions = {}): Promise<GpuContext> {
  const adapter = await requestAdapter(options.powerPreference ?? "high-performance");
  if (adapter === null) {
    throw new Error("Cannot use WebGPU: no adapter was found (on Linux without a GPU, install Mesa's llvmpipe)");
  }
  const { limits } = adapter;
  const device = await adapter.requestDevice({
    label: options.label ?? "biasflow",
    // Subgroup operations where the adapter has them (`_reductions.ts` decides whether kernels use them).
    requiredFeatures: adapter.features.has("subgroups") ? ["subgroups" as GPUFeatureName] : [],
    requiredLimits: {
      maxStorageBufferBindingSize: limits.maxStorageBufferBindingSize,
      maxBufferSize: limits.maxBufferSize,
      maxComputeWorkgroupStorageSize: limits.maxComputeWorkgroupStorageSize,
      maxStorageBuffersPerShaderStage: limits.maxStorageBuffersPerShaderStage,
    },
  });
  const info = adapter.info;
  let failure: Error | null = null;
  let fail!: (e: Error) => void;
  const failed = new Promise<Error>((resolve) => {
    fail = (e) => {
      if (failure !== null) return;
      failure = e;
      resolve(e);
    };
  });
  device.lost.then((lost) => {
    fail(new Error(`The GPU device was lost (${lost.reason}): ${lost.message}`));
  });
  device.addEventListener("uncapturederror", (event) => {
    fail(new Error(`The GPU reported an error: ${(event as GPUUncapturedErrorEvent).error.message}`));
  });
  return {
    device,
    adapterName: info.description || info.device || info.vendor || "unknown adapter",
    software: isSoftwareAdapter(info),
    ...subgroupSizes(info),
    get failure() {
      return failure;
    },
    failed,
  };
}

let shared: Promise<GpuContext> | null = null;

/**
 * The process's shared GPU context (acquired on first use, and again after a
 * failure), used by engines that were not given a device.
 *
 * @returns The shared context.
 *
 * @example Usage
 * ```ts ignore
 * import { sharedGpu } from "./device.ts";
 *
 * const gpu = await sharedGpu();
 * ```
 */
export async function sharedGpu(): Promise<GpuContext> {
  if (shared !== null) {
    const current = await shared.catch(() => null);
    if (current !== null && current.failure === null) return current;
  }
  shared = acquireGpu();
  return await shared;
}

/** What kind of WebGPU adapter this runtime offers. */
export type GpuAdapterKind = "hardware" | "software" | "none";

let kind: Promise<{ kind: GpuAdapterKind; name: string }> | null = null;

/**
 * Whether WebGPU here runs on a hardware adapter, a software one
 * (llvmpipe, SwiftShader, …), or not at all; asked once per process.
 *
 * @returns The kind and the adapter's name.
 *
 * @example Usage
 * ```ts
 * import { gpuAdapterKind } from "./device.ts";
 * import assert from "node:assert/strict";
 *
 * const { kind } = await gpuAdapterKind();
 * assert.ok(["hardware", "software", "none"].includes(kind));
 * ```
 */
export function gpuAdapterKind(): Promise<{ kind: GpuAdapterKind; name: string }> {
  kind ??= requestAdapter("high-performance").then(
    (adapter) => {
      if (adapter === null) return { kind: "none" as const, name: "" };
      const info = adapter.info;
      return {
        kind: isSoftwareAdapter(info) ? "software" as const : "hardware" as const,
        name: info.description || info.device || info.vendor,
      };
    },
    () => ({ kind: "none" as const, name: "" }),
  );
  return kind;
}

function subgroupSizes(info: GPUAdapterInfo): { subgroupMinSize?: number; subgroupMaxSize?: number } {
  const sizes = info as { subgroupMinSize?: number; subgroupMaxSize?: number };
  return {
    ...(sizes.subgroupMinSize === undefined ? {} : { subgroupMinSize: sizes.subgroupMinSize }),
    ...(sizes.subgroupMaxSize === undefined ? {} : { subgroupMaxSize: sizes.subgroupMaxSize }),
  };
}

function requestAdapter(powerPreference: GPUPowerPreference): Promise<GPUAdapter | null> {
  const gpu = (globalThis.navigator as { gpu?: GPU } | undefined)?.gpu;
  if (gpu === undefined) return Promise.resolve(null);
  return gpu.requestAdapter({ powerPreference });
}
