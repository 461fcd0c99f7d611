import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { SpecIssue } from "../spec/spec_error.ts";

/** The JSON body of every API error. */
export interface ApiErrorBody {
  /** One sentence saying what was wrong and the value seen. */
  error: string;
  /** Every problem found, by field path (empty when there is no field to point at). */
  issues: SpecIssue[];
}

/**
 * Hono's `HTTPException` for an API error: the app's one `onError` answers it
 * as `{ error, issues }` JSON with its status (see {@link apiErrorBody}).
 *
 * @param status The HTTP status.
 * @param message One sentence for the user, naming what was wrong and the value seen.
 * @param issues Field-level issues, if any.
 * @returns The exception, to throw.
 *
 * @example Usage
 * ```ts
 * import { apiError, apiErrorBody } from "./api_error.ts";
 * import assert from "node:assert/strict";
 *
 * const e = apiError(404, "Unknown run \"x\"");
 * assert.equal(e.status, 404);
 * assert.deepEqual(apiErrorBody(e), { error: "Unknown run \"x\"", issues: [] });
 * ```
 */
export function apiError(
  status: ContentfulStatusCode,
  message: string,
  issues: readonly SpecIssue[] = [],
): HTTPException {
  return new HTTPException(status, { message, cause: { issues } });
}

/**
 * The `{ error, issues }` body of an `HTTPException` (issues from
 * {@link apiError}; none for one thrown by a Hono middleware).
 *
 * @param e The exception.
 * @returns The body.
 *
 * @example Usage
 * ```ts
 * import { apiErrorBody } from "./api_error.ts";
 * import { HTTPException } from "hono/http-exception";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(apiErrorBody(new HTTPException(413, { message: "Too big" })), { error: "Too big", issues: [] });
 * ```
 */
export function apiErrorBody(e: HTTPException): ApiErrorBody {
  const cause = e.cause as { issues?: readonly SpecIssue[] } | undefined;
  return {
    error: e.message || `HTTP ${e.status}`,
    issues: capIssues(Array.isArray(cause?.issues) ? cause.issues : []),
  };
}

/** The most issues one error answer lists; the rest are counted in a last issue. */
export const MAX_ISSUES = 50;

/**
 * At most {@link MAX_ISSUES} issues (copies), the rest counted in a last one,
 * so that a bad request cannot make a huge answer.
 *
 * @param issues Issues.
 * @returns The first ones and, if some were left out, one saying how many.
 *
 * @example Usage
 * ```ts
 * import { capIssues, MAX_ISSUES } from "./api_error.ts";
 * import assert from "node:assert/strict";
 *
 * const many = Array.from({ length: 1000 }, (_, i) => ({ path: `x[${i}]`, message: "Expected a number" }));
 * assert.equal(capIssues(many).length, MAX_ISSUES + 1);
 * assert.match(capIssues(many).at(-1)!.message, /950 more issues/);
 * ```
 */
export function capIssues(issues: readonly SpecIssue[]): SpecIssue[] {
  const kept = issues.slice(0, MAX_ISSUES).map((i) => ({ ...i }));
  if (issues.length > MAX_ISSUES) {
    kept.push({ path: "", message: `And ${issues.length - MAX_ISSUES} more issues, left out of this answer` });
  }
  return kept;
}
