import type { SpecIssue } from "../spec/spec_error.ts";

/** HTTP statuses the API answers errors with. */
export type ApiErrorStatus = 400 | 401 | 404 | 409 | 413 | 422 | 429 | 500 | 503;

/** The JSON body of every API error. */
export interface ApiErrorBody {
  /** One sentence saying what was wrong and the value seen. */
  error: string;
  /** Every problem found, by field path (empty when there is no field to point at). */
  issues: SpecIssue[];
}

/**
 * An error the API turns into `{ error, issues }` JSON with an HTTP status.
 *
 * @example Usage
 * ```ts
 * import { ApiError } from "./api_error.ts";
 * import assert from "node:assert/strict";
 *
 * const e = new ApiError(404, "Unknown run \"x\"");
 * assert.deepEqual(e.body(), { error: "Unknown run \"x\"", issues: [] });
 * ```
 */
export class ApiError extends Error {
  /** The HTTP status. */
  readonly status: ApiErrorStatus;
  /** The field-level issues. */
  readonly issues: readonly SpecIssue[];

  /**
   * @param status The HTTP status.
   * @param message One sentence for the user.
   * @param issues Field-level issues, if any.
   */
  constructor(status: ApiErrorStatus, message: string, issues: readonly SpecIssue[] = []) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.issues = issues;
  }

  /** The response body. */
  body(): ApiErrorBody {
    return { error: this.message, issues: this.issues.map((i) => ({ ...i })) };
  }
}
