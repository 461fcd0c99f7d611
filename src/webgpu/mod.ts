/**
 * The WebGPU engine: float32 WGSL kernels that step runs on the GPU, with the
 * CPU engine's contract (`advance`/`read`/`dispose`), checked against it.
 *
 * - {@link acquireGpu} / {@link sharedGpu}: a device that reports being lost
 *   or an uncaptured error as a run failure; {@link isSoftwareAdapter} tells
 *   llvmpipe, lavapipe and SwiftShader from hardware.
 * - {@link createWebGpuEngine}: one run; {@link createWebGpuEngines}: K runs
 *   of one problem as K workgroups of one dispatch, each with its own engine.
 * - Kernels are `.wgsl` files beside their TypeScript hosts: a problem kind is
 *   a {@link ProblemKernel} in `kernels/`, an optimizer a {@link GpuOptimizer}
 *   in `optimizers/` (see `src/webgpu/README.md` for how to add either).
 *
 * @example Usage
 * ```ts ignore
 * import { acquireGpu, createWebGpuEngine } from "./mod.ts";
 * import { compileRun } from "../engine/mod.ts";
 *
 * const gpu = await acquireGpu();
 * const engine = await createWebGpuEngine(compileRun({
 *   problem: { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } },
 *   steps: 100_000,
 * }), { gpu });
 * await engine.advance(100_000);
 * console.log(await engine.read());
 * engine.dispose();
 * gpu.device.destroy();
 * ```
 *
 * @module
 */
export * from "./device.ts";
export * from "./is_software_adapter.ts";
export * from "./create_webgpu_engine.ts";
export * from "./create_webgpu_engines.ts";
export * from "./webgpu_unsupported.ts";
export * from "./kernels/problem_kernel.ts";
export * from "./kernels/problem_kernels.ts";
export * from "./kernels/linear_classification.ts";
export * from "./kernels/least_squares.ts";
export * from "./kernels/multiclass.ts";
export * from "./kernels/linear_net.ts";
export * from "./kernels/linear_conv_net.ts";
export * from "./optimizers/gpu_optimizer.ts";
export * from "./optimizers/gpu_optimizers.ts";
