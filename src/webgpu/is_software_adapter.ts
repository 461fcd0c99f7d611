/** The fields of a `GPUAdapterInfo` that tell hardware from software apart. */
export interface AdapterDescription {
  /** e.g. "llvmpipe (LLVM 15.0.6, 256 bits)" or "NVIDIA H100 80GB HBM3". */
  readonly description?: string;
  /** Vendor name or PCI id. */
  readonly vendor?: string;
  /** Device name or PCI id. */
  readonly device?: string;
  /** Architecture, where the browser reports one. */
  readonly architecture?: string;
  /** Set by implementations for their CPU fallback adapter. */
  readonly isFallbackAdapter?: boolean;
}

const SOFTWARE = /llvmpipe|lavapipe|softpipe|swiftshader|swrast|software|microsoft basic render|\bwarp\b/i;

/**
 * Whether an adapter computes on the CPU (Mesa's llvmpipe/lavapipe,
 * SwiftShader, WARP, or any adapter flagged as the fallback): such adapters
 * are slow and, like llvmpipe, may silently cap shader loops.
 *
 * @param info The adapter's info (`adapter.info`).
 * @returns True for software adapters.
 *
 * @example Usage
 * ```ts
 * import { isSoftwareAdapter } from "./is_software_adapter.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(isSoftwareAdapter({ description: "llvmpipe (LLVM 15.0.6, 256 bits)" }), true);
 * assert.equal(isSoftwareAdapter({ description: "NVIDIA H100 80GB HBM3", vendor: "4318" }), false);
 * ```
 */
export function isSoftwareAdapter(info: AdapterDescription): boolean {
  if (info.isFallbackAdapter === true) return true;
  return [info.description, info.vendor, info.device, info.architecture].some((s) =>
    s !== undefined && SOFTWARE.test(s)
  );
}
