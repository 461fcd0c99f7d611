import workgroupWgsl from "./kernels/reduce_workgroup.wgsl" with { type: "text" };
import subgroupWgsl from "./kernels/reduce_subgroup.wgsl" with { type: "text" };

/** How a device's kernels reduce across threads: subgroup operations, or workgroup memory and barriers. */
export type Reductions =
  | {
    readonly kind: "subgroup";
    readonly size: number;
    /** Whether the module starts with `enable subgroups;` (Tint requires it; Deno 2.9.6's naga rejects it). */
    readonly directive?: boolean;
  }
  | { readonly kind: "workgroup"; readonly reason: string };

/** What {@link pickReductions} reads of a device: its features and its adapter's subgroup sizes. */
export interface ReductionInput {
  readonly features: { has(name: string): boolean };
  readonly subgroupMinSize?: number | undefined;
  readonly subgroupMaxSize?: number | undefined;
}

/**
 * The one place that picks the reductions of every kernel on a device:
 * subgroup operations (`kernels/reduce_subgroup.wgsl`) when the device has the
 * `subgroups` feature and one fixed subgroup size that is a power of two
 * between 4 and 128 (NVIDIA: 32; SwiftShader: 4); else the barrier trees of
 * `kernels/reduce_workgroup.wgsl` (llvmpipe in Deno 2.9.6 offers no
 * `subgroups`). Both define `wg_reduce`, `group_sum` and `strided_sum`.
 *
 * @example Usage
 * ```ts
 * import { pickReductions } from "./_reductions.ts";
 * import assert from "node:assert/strict";
 *
 * const nvidia = { features: new Set(["subgroups"]), subgroupMinSize: 32, subgroupMaxSize: 32 };
 * assert.deepEqual(pickReductions(nvidia), { kind: "subgroup", size: 32 });
 * assert.equal(pickReductions({ features: new Set<string>() }).kind, "workgroup");
 * ```
 */
export function pickReductions(device: ReductionInput): Reductions {
  if (!device.features.has("subgroups")) {
    return { kind: "workgroup", reason: "the device has no subgroups feature" };
  }
  const min = device.subgroupMinSize, max = device.subgroupMaxSize;
  if (min === undefined || max === undefined || min !== max) {
    return { kind: "workgroup", reason: `the subgroup size is not fixed (min ${min}, max ${max})` };
  }
  if (min < 4 || min > 128 || (min & (min - 1)) !== 0) {
    return { kind: "workgroup", reason: `the subgroup size ${min} is not a power of two in [4, 128]` };
  }
  return { kind: "subgroup", size: min };
}

const directives = new WeakMap<GPUDevice, Promise<boolean>>();

/**
 * Whether this device's WGSL compiler wants `enable subgroups;` (Tint, in
 * browsers) or rejects it (Deno 2.9.6's naga, which takes the subgroup
 * built-ins without it): one tiny module compiled once per device.
 */
export function subgroupDirective(device: GPUDevice): Promise<boolean> {
  let found = directives.get(device);
  if (found === undefined) {
    found = (async () => {
      device.pushErrorScope("validation");
      const module = device.createShaderModule({
        label: "biasflow subgroups directive probe",
        code: "enable subgroups;\n@compute @workgroup_size(1) fn probe() {}",
      });
      const info = await module.getCompilationInfo();
      const error = await device.popErrorScope();
      return error === null && !info.messages.some((m) => m.type === "error");
    })();
    directives.set(device, found);
  }
  return found;
}

/** The WGSL of the picked reductions (composed after common.wgsl). */
export function reductionsWgsl(reductions: Reductions): string {
  return reductions.kind === "subgroup" ? subgroupWgsl : workgroupWgsl;
}

/** The reductions' `override` constants (SG for subgroups). */
export function reductionConstants(reductions: Reductions): Record<string, number> {
  return reductions.kind === "subgroup" ? { SG: reductions.size } : {};
}
