import type { GpuContext } from "./device.ts";
import { cachedModule, cachedPipeline } from "./_pipeline_cache.ts";
import gemmWgsl from "./kernels/mlp_gemm.wgsl" with { type: "text" };
import headWgsl from "./kernels/mlp_head.wgsl" with { type: "text" };
import updateWgsl from "./kernels/mlp_update.wgsl" with { type: "text" };
import mathWgsl from "./kernels/float_math.wgsl" with { type: "text" };

/** The tiled path's five pipelines; none depends on a net's shape (sizes travel in uniforms). */
export interface TiledPipelines {
  readonly gemm: GPUComputePipeline;
  readonly gather: GPUComputePipeline;
  readonly head: GPUComputePipeline;
  readonly check: GPUComputePipeline;
  readonly update: GPUComputePipeline;
}

const ENTRIES: readonly [keyof TiledPipelines, string][] = [
  ["gemm", gemmWgsl],
  ["gather", `${mathWgsl}\n${headWgsl}`],
  ["head", `${mathWgsl}\n${headWgsl}`],
  ["check", `${mathWgsl}\n${updateWgsl}`],
  ["update", `${mathWgsl}\n${updateWgsl}`],
];

/**
 * The tiled `mlp` kernels' pipelines on `gpu`'s device, compiled once per
 * device: every width, depth and loss shares them, so a sweep over widths
 * compiles five pipelines in all.
 */
export async function tiledPipelines(gpu: GpuContext): Promise<TiledPipelines> {
  const { device } = gpu;
  const made = await Promise.all(
    ENTRIES.map(([entry, code]) =>
      cachedPipeline(device, `mlp-tiled ${entry}`, async () => {
        const module = await cachedModule(device, `biasflow mlp tiled ${entry}`, code);
        return device.createComputePipelineAsync({
          label: `biasflow mlp tiled ${entry}`,
          layout: "auto",
          compute: { module, entryPoint: entry },
        });
      })
    ),
  );
  return Object.fromEntries(ENTRIES.map(([entry], i) => [entry, made[i]!])) as unknown as TiledPipelines;
}
