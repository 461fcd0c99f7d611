/**
 * A run: the run spec (its zod schema over every problem kind, validation
 * with readable errors, JSON Schema, default init), its compilation into a
 * runnable `CompiledRun`, and, through the problem kinds' registry, its
 * reference solution and default analysis (`analyze`).
 *
 * @example Usage
 * ```ts
 * import { compileRun, parseSpec } from "./mod.ts";
 * const spec = parseSpec({
 *   problem: { kind: "linear-classification", data: { kind: "separable", n: 20, d: 3 } },
 *   steps: 1000,
 * });
 * const run = compileRun(spec);
 * ```
 *
 * @module
 */
export * from "./run_spec_schema.ts";
export * from "./spec_parser.ts";
export * from "./json_schema.ts";
export * from "./default_init.ts";
export * from "./compile_run.ts";
export * from "./init_params.ts";
export * from "./solve_reference.ts";
export * from "./analysis_pipeline.ts";
export * from "./analyze.ts";
