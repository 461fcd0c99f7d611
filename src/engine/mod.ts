/**
 * The engine contract (advance k steps, read state back) shared by the CPU and
 * WebGPU backends, and compilation of run specs into runnable form.
 *
 * @example Usage
 * ```ts
 * import { compileRun, createEngine } from "./mod.ts";
 * const engine = await createEngine(compileRun({
 *   problem: { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } },
 *   steps: 10,
 * }));
 * ```
 *
 * @module
 */
export * from "./engine.ts";
export * from "./compile_run.ts";
export * from "./init_params.ts";
export * from "./create_engine.ts";
export * from "./create_engines.ts";
