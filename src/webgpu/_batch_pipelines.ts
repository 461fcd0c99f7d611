import type { GpuContext } from "./device.ts";
import type { BatchPlan } from "./_plan.ts";
import { cachedModule, cachedPipeline } from "./_pipeline_cache.ts";
import type { ProblemKernel } from "./kernels/problem_kernel.ts";
import type { GpuOptimizer } from "./optimizers/gpu_optimizer.ts";
import { momentumOptimizer } from "./optimizers/momentum.ts";
import common from "./kernels/common.wgsl" with { type: "text" };
import floatMath from "./kernels/float_math.wgsl" with { type: "text" };
import fused from "./kernels/fused.wgsl" with { type: "text" };
import multi from "./kernels/multi.wgsl" with { type: "text" };
import update from "./optimizers/update.wgsl" with { type: "text" };
import { type Reductions, reductionsWgsl } from "./_reductions.ts";

/** The entry points of the two drivers. */
export type EntryPoint =
  | "fused_steps"
  | "fused_report"
  | "multi_min"
  | "multi_partial"
  | "multi_fold"
  | "multi_update"
  | "multi_report";

/** Each driver's entry points. */
export const ENTRY_POINTS: Readonly<Record<"fused" | "multi", readonly EntryPoint[]>> = {
  fused: ["fused_steps", "fused_report"],
  multi: ["multi_min", "multi_partial", "multi_fold", "multi_update", "multi_report"],
};

/**
 * The WGSL module of a kernel and an update rule on a driver: common.wgsl,
 * the float32 math (float_math.wgsl), the reductions (default: barrier trees; `_reductions.ts` picks per device),
 * the driver, the update stage (optimizers/update.wgsl), the rule (default:
 * gd's momentum), then the problem kernel.
 */
export function composeModule(
  kernel: ProblemKernel,
  path: "fused" | "multi",
  optimizer: GpuOptimizer = momentumOptimizer,
  reductions: Reductions = WORKGROUP_REDUCTIONS,
): string {
  const directive = reductions.kind === "subgroup" && reductions.directive === true ? ["enable subgroups;"] : [];
  return [
    ...directive,
    common,
    floatMath,
    reductionsWgsl(reductions),
    path === "fused" ? fused : multi,
    update,
    optimizer.wgsl,
    kernel.wgsl,
  ].join("\n");
}

const WORKGROUP_REDUCTIONS: Reductions = { kind: "workgroup", reason: "the default" };

const layouts = new WeakMap<GPUDevice, Map<number, GPUBindGroupLayout>>();

/**
 * The bind group layout shared by every driver and kernel: driver bindings
 * 0–5 (ctl, state, info, hyper, partials, rows) and `dataCount` read-only
 * data bindings from 8.
 */
export function driverBindGroupLayout(device: GPUDevice, dataCount: number): GPUBindGroupLayout {
  let cache = layouts.get(device);
  if (cache === undefined) layouts.set(device, cache = new Map());
  let layout = cache.get(dataCount);
  if (layout === undefined) {
    const storage = (binding: number, type: GPUBufferBindingType): GPUBindGroupLayoutEntry => ({
      binding,
      visibility: GPUShaderStage.COMPUTE,
      buffer: { type },
    });
    layout = device.createBindGroupLayout({
      label: `biasflow driver bindings (+${dataCount} data)`,
      entries: [
        storage(0, "uniform"),
        storage(1, "storage"),
        storage(2, "storage"),
        storage(3, "read-only-storage"),
        storage(4, "storage"),
        storage(5, "read-only-storage"),
        ...Array.from({ length: dataCount }, (_, i) => storage(8 + i, "read-only-storage")),
      ],
    });
    cache.set(dataCount, layout);
  }
  return layout;
}

/** What one batch's pipelines are specialized on. */
export interface PipelineSpec {
  readonly kernel: ProblemKernel;
  readonly optimizer: GpuOptimizer;
  readonly plan: BatchPlan;
  readonly dataCount: number;
  readonly constants: Readonly<Record<string, number>>;
  /** The device's reductions (default: barrier trees). */
  readonly reductions?: Reductions;
}

/**
 * The batch's compute pipelines (common + driver + problem WGSL composed into
 * one module), built once per device and constants.
 *
 * @throws {SyntaxError} when the WGSL does not compile; pipeline errors reject too.
 */
export async function batchPipelines(
  gpu: GpuContext,
  spec: PipelineSpec,
): Promise<Map<EntryPoint, GPUComputePipeline>> {
  const { device } = gpu;
  const { kernel, plan, optimizer } = spec;
  const reductions = spec.reductions ?? WORKGROUP_REDUCTIONS;
  const label = `biasflow ${kernel.kind} ${optimizer.kinds[0]} ${plan.path} ${reductions.kind}`;
  const code = composeModule(kernel, plan.path, optimizer, reductions);
  const module = await cachedModule(device, label, code);
  const layout = device.createPipelineLayout({
    label: `${label} layout`,
    bindGroupLayouts: [driverBindGroupLayout(device, spec.dataCount)],
  });
  const entries = ENTRY_POINTS[plan.path];
  const constants = { ...spec.constants };
  const pipelines = await Promise.all(
    entries.map((entryPoint) =>
      cachedPipeline(device, `${label}|${entryPoint}|${JSON.stringify(constants)}`, async () => {
        try {
          return await device.createComputePipelineAsync({
            label: `${label} ${entryPoint}`,
            layout,
            compute: { module, entryPoint, constants },
          });
        } catch (e) {
          throw new Error(`Cannot build the WebGPU pipeline ${label} ${entryPoint}: ${(e as Error).message}`);
        }
      })
    ),
  );
  return new Map(entries.map((e, i) => [e, pipelines[i]!]));
}
