/**
 * The run spec: the public JSON format that describes a training run, its zod
 * schemas, validation with readable errors, and its JSON Schema.
 *
 * @example Usage
 * ```ts
 * import { parseSpec } from "./mod.ts";
 * const spec = parseSpec({
 *   problem: { kind: "linear-classification", data: { kind: "separable", n: 20, d: 3 } },
 *   steps: 1000,
 * });
 * ```
 *
 * @module
 */
export * from "./run_spec.ts";
export * from "./spec_error.ts";
export * from "./parse_spec.ts";
export * from "./json_schema.ts";
export * from "./format_path.ts";
export * from "./set_at_path.ts";
export * from "./default_init.ts";
export * from "./spec_field_paths.ts";
