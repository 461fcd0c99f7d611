import type { CompiledRun } from "../run/compile_run.ts";
import { createWebGpuEngines, type WebGpuEngine, type WebGpuEngineOptions } from "./create_webgpu_engines.ts";

/**
 * The WebGPU engine: float32 WGSL kernels stepping a run on the GPU with
 * Kahan-compensated updates, many steps per dispatch, and readback only when
 * `read()` is called (loss and gradient norm are reduced on the GPU).
 * Snapshots also carry `gradUnderflow`, the steps whose float32 gradient
 * underflowed to zero.
 *
 * @param run A compiled run.
 * @param options Device (default: shared), path, kernels.
 * @returns An engine at step 0.
 * @throws {RangeError} when the run's problem or optimizer has no WebGPU kernel.
 *
 * @example Usage
 * ```ts ignore
 * import { createWebGpuEngine } from "./create_webgpu_engine.ts";
 * import { compileRun } from "../run/compile_run.ts";
 *
 * const engine = await createWebGpuEngine(compileRun({
 *   problem: { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } },
 *   steps: 100_000,
 * }));
 * await engine.advance(100_000);
 * console.log((await engine.read()).predictor.data);
 * engine.dispose();
 * ```
 */
export async function createWebGpuEngine(
  run: CompiledRun,
  options: WebGpuEngineOptions = {},
): Promise<WebGpuEngine> {
  return (await createWebGpuEngines([run], options))[0]!;
}
