import type { z } from "zod";
import { type RunSpec, RunSpecSchema } from "./run_spec_schema.ts";
import { SpecError, type SpecIssue } from "../spec/spec_error.ts";
import { formatPath } from "../spec/format_path.ts";

/**
 * Validates a run spec and fills in its defaults.
 *
 * @param input Parsed JSON, e.g. from `JSON.parse` of a spec file.
 * @returns The spec with every default filled in.
 * @throws {SpecError} naming the first bad field and the value seen there.
 *
 * @example Usage
 * ```ts
 * import { parseSpec } from "./spec_parser.ts";
 * import assert from "node:assert/strict";
 *
 * const spec = parseSpec({
 *   problem: { kind: "linear-classification", data: { kind: "points", x: [[1, 2]], y: [1] } },
 *   steps: 100,
 * });
 * assert.equal(spec.optimizer.kind, "gd");
 * assert.throws(() => parseSpec({ ...spec, steps: 0 }), /steps: expected at least 1 step \(saw 0\)/);
 * ```
 */
export function parseSpec(input: unknown): RunSpec {
  const result = RunSpecSchema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  throw new SpecError(result.error.issues.map(toSpecIssue));
}

/**
 * Turns a zod issue into a {@link SpecIssue} with a readable message and the
 * value seen (for an unknown `kind`, the kind itself).
 *
 * @param issue An issue from a zod error.
 * @returns The issue in biasflow's terms.
 *
 * @example Usage
 * ```ts
 * import { toSpecIssue } from "./spec_parser.ts";
 * import { z } from "zod";
 * import assert from "node:assert/strict";
 *
 * const r = z.object({ n: z.number() }).safeParse({ n: "3" }, { reportInput: true });
 * assert.equal(toSpecIssue(r.error!.issues[0]!).path, "n");
 * ```
 */
export function toSpecIssue(issue: z.core.$ZodIssue): SpecIssue {
  const path = formatPath(issue.path);
  let message = issue.message.replace(/^Invalid input: /, "");
  message = message.charAt(0).toUpperCase() + message.slice(1);
  if (issue.code === "invalid_union" && "discriminator" in issue && issue.discriminator !== undefined) {
    const options = "options" in issue && Array.isArray(issue.options) ? issue.options as unknown[] : [];
    const input = issue.input as Record<string, unknown> | undefined;
    const seen = input && typeof input === "object" ? input[issue.discriminator] : input;
    const expected = `expected one of ${options.map((o) => JSON.stringify(o)).join(", ")}`;
    return seen === undefined
      ? { path, message: `Missing ${issue.discriminator}; ${expected}` }
      : { path, message: `Unknown ${issue.discriminator}; ${expected}`, input: seen };
  }
  if (issue.code === "unrecognized_keys") {
    return { path, message: `Unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.join(", ")}` };
  }
  return "input" in issue ? { path, message, input: issue.input } : { path, message };
}
