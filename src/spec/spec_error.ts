/** One thing wrong with a spec: where, what, and the value seen. */
export interface SpecIssue {
  /** Dotted path to the field, e.g. `problem.data.y[3]`. */
  readonly path: string;
  /** What was expected, in sentence case. */
  readonly message: string;
  /** The value found there, when there is one. */
  readonly input?: unknown;
}

/**
 * A run spec (or the data it points to) that cannot be used. Its message is one
 * line naming the first bad field and the value seen; `issues` lists them all.
 *
 * @example Usage
 * ```ts
 * import { SpecError } from "./spec_error.ts";
 * import assert from "node:assert/strict";
 *
 * const e = new SpecError([{ path: "steps", message: "Expected at least 1 step", input: 0 }]);
 * assert.equal(e.message, "Invalid spec at steps: expected at least 1 step (saw 0)");
 * ```
 */
export class SpecError extends TypeError {
  /** Every issue found, in document order. */
  readonly issues: readonly SpecIssue[];

  /** Builds the one-line message from the first issue. */
  constructor(issues: readonly SpecIssue[]) {
    super(formatIssues(issues));
    this.name = "SpecError";
    this.issues = issues;
  }
}

function formatIssues(issues: readonly SpecIssue[]): string {
  const first = issues[0];
  if (!first) return "Invalid spec";
  const where = first.path === "" ? "" : ` at ${first.path}`;
  const msg = first.message.charAt(0).toLowerCase() + first.message.slice(1);
  const saw = "input" in first ? ` (saw ${preview(first.input)})` : "";
  const more = issues.length > 1 ? `; and ${issues.length - 1} more issue${issues.length > 2 ? "s" : ""}` : "";
  return `Invalid spec${where}: ${msg}${saw}${more}`;
}

function preview(value: unknown): string {
  if (value === undefined) return "nothing";
  if (typeof value === "number") return String(value); // JSON would show Infinity and NaN as null
  let s: string;
  try {
    s = JSON.stringify(value) ?? String(value);
  } catch {
    s = String(value);
  }
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
