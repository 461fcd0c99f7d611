/**
 * Formats a field path the way a user writes it: `problem.data.x[3][1]`.
 *
 * @param path Keys and indices from the root.
 * @returns The dotted path (empty for the root).
 *
 * @example Usage
 * ```ts
 * import { formatPath } from "./format_path.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(formatPath(["problem", "data", "x", 3, 1]), "problem.data.x[3][1]");
 * ```
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}
