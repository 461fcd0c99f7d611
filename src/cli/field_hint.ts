import { runSpecJsonSchema } from "../run/json_schema.ts";
import type { SpecError } from "../spec/spec_error.ts";
import { specFieldPaths } from "../spec/spec_field_paths.ts";
import { suggestNames } from "./suggest_names.ts";

/**
 * For a spec refused because of an unknown field (`--set optimizer.lrr=1`),
 * the end of the message naming the nearest valid field of that object
 * ("; did you mean optimizer.lr?"), from the JSON Schema and the spec's
 * kinds; "" when there is nothing to suggest.
 *
 * @param error The validation error.
 * @param spec The spec that was refused.
 * @returns The hint to append, or "".
 *
 * @example Usage
 * ```ts
 * import { fieldHint } from "./field_hint.ts";
 * import { SpecError } from "../spec/spec_error.ts";
 * import assert from "node:assert/strict";
 *
 * const e = new SpecError([{ path: "optimizer", message: "Unknown field lrr" }]);
 * assert.equal(fieldHint(e, { optimizer: { kind: "gd", lrr: 1 } }), "; did you mean optimizer.lr?");
 * ```
 */
export function fieldHint(error: SpecError, spec: unknown): string {
  const issue = error.issues[0];
  const m = issue ? /^Unknown fields? ([\w$-]+)/.exec(issue.message) : null;
  if (!issue || !m) return "";
  const prefix = issue.path === "" ? "" : `${issue.path}.`;
  const siblings = specFieldPaths(runSpecJsonSchema(), spec).map((p) => p.path)
    .filter((p) => p.startsWith(prefix) && !p.slice(prefix.length).includes("."));
  const near = suggestNames(`${prefix}${m[1]}`, siblings);
  return near.length ? `; did you mean ${near.join(" or ")}?` : "";
}
