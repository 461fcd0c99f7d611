import { z } from "zod";
import { RunSpecSchema } from "./run_spec_schema.ts";

/**
 * The JSON Schema (draft 2020-12) of run specs as users write them, defaults
 * included: for editors, forms and the HTTP API.
 *
 * @returns A fresh JSON Schema object.
 *
 * @example Usage
 * ```ts
 * import { runSpecJsonSchema } from "./json_schema.ts";
 * import assert from "node:assert/strict";
 *
 * const schema = runSpecJsonSchema();
 * assert.ok((schema.required as string[]).includes("problem"));
 * ```
 */
export function runSpecJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(RunSpecSchema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
}
