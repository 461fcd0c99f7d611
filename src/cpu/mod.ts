/**
 * The float64 CPU engine.
 *
 * @example Usage
 * ```ts
 * import { createCpuEngine } from "./mod.ts";
 * import { compileRun } from "../run/mod.ts";
 * const engine = createCpuEngine(compileRun({
 *   problem: { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } },
 *   steps: 10,
 * }));
 * await engine.advance(10);
 * ```
 *
 * @module
 */
export * from "./cpu_engine.ts";
export * from "./kernels/linear_gd_kernel.ts";
