/**
 * The building blocks of run specs that every layer may use: `SpecError`
 * (bad user input, with the field path and the value seen), paths, the
 * shared zod fields, and the optimizer, init, record and backend schemas.
 * The complete run spec (over every problem kind) and `parseSpec` are in
 * `src/run/`.
 *
 * @example Usage
 * ```ts
 * import { OptimizerSpecSchema } from "./mod.ts";
 * const gd = OptimizerSpecSchema.parse({ kind: "gd" });
 * ```
 *
 * @module
 */
export * from "./spec_error.ts";
export * from "./format_path.ts";
export * from "./set_at_path.ts";
export * from "./schema_fields.ts";
export * from "./optimizer_schema.ts";
export * from "./init_schema.ts";
export * from "./spec_field_paths.ts";
export * from "./stop_rule_schema.ts";
