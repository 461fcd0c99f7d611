/**
 * The engines for a browser page (bundled by `deno bundle` in
 * `tests/webgpu/subgroup_parity_test.ts`): `globalThis.biasflowParity(spec,
 * path, steps)` steps one run on the page's WebGPU device and on the float64
 * CPU engine and returns both predictors, losses and the plan. Chromium's
 * SwiftShader adapter has subgroups, so there the kernels run the subgroup
 * reductions that Deno's llvmpipe cannot.
 *
 * @module
 */
import { compileRun } from "../../src/run/compile_run.ts";
import { createCpuEngine } from "../../src/cpu/cpu_engine.ts";
import { createWebGpuEngines } from "../../src/webgpu/create_webgpu_engines.ts";
import { acquireGpu } from "../../src/webgpu/device.ts";
import { pickReductions } from "../../src/webgpu/_reductions.ts";

/** What one parity run returns to the test. */
export interface BrowserParity {
  readonly reductions: string;
  readonly path: string;
  readonly blocks: number;
  readonly gpu: number[];
  readonly cpu: number[];
  readonly loss: [number, number];
}

(globalThis as { biasflowParity?: unknown }).biasflowParity = async (
  spec: unknown,
  path: "fused" | "multi",
  steps: number,
): Promise<BrowserParity> => {
  const gpu = await acquireGpu();
  try {
    const reductions = pickReductions({
      features: gpu.device.features,
      subgroupMinSize: gpu.subgroupMinSize,
      subgroupMaxSize: gpu.subgroupMaxSize,
    });
    const run = compileRun(spec);
    const [engine] = await createWebGpuEngines([run], { gpu, path });
    const cpu = createCpuEngine(run);
    await Promise.all([engine!.advance(steps), cpu.advance(steps)]);
    const [g, c] = await Promise.all([engine!.read(), cpu.read()]);
    engine!.dispose();
    return {
      reductions: reductions.kind === "subgroup" ? `subgroup ${reductions.size}` : reductions.reason,
      path: engine!.plan.path,
      blocks: engine!.plan.blocks,
      gpu: Array.from(g.predictor.data),
      cpu: Array.from(c.predictor.data),
      loss: [g.loss, c.loss],
    };
  } finally {
    gpu.device.destroy();
  }
};
