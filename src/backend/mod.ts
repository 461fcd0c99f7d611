/**
 * Backend choice: the factories that create CPU or WebGPU engines for
 * compiled runs (by each run's `backend`), one level above both engines.
 *
 * @example Usage
 * ```ts
 * import { createEngine } from "./mod.ts";
 * import { compileRun } from "../run/compile_run.ts";
 * const engine = await createEngine(compileRun({
 *   problem: { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } },
 *   steps: 10,
 * }));
 * ```
 *
 * @module
 */
export * from "./create_engine.ts";
export * from "./create_engines.ts";
