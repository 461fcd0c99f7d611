import type { RunRow } from "./run_row.ts";

/** How the runs table is sorted and filtered. */
export interface RunTableView {
  /** The column to sort by. */
  sort: keyof Omit<RunRow, "search">;
  /** Ascending or descending. */
  dir: "asc" | "desc";
  /** Whitespace-separated words that must all occur in a row (id, name, kind, optimizer, status); `key=value` words
   * match one column (`status=done`, `optimizer=adam`). */
  filter: string;
}

/**
 * The rows that pass the filter, sorted by a column (numbers numerically,
 * NaN last either way; text by locale; ties by start time, newest first).
 *
 * This module is browser compatible.
 *
 * @param rows The runs.
 * @param view Sort column, direction and filter.
 * @returns A new array.
 *
 * @example Usage
 * ```ts
 * import { sortFilterRows } from "./sort_filter_rows.ts";
 * import { runRow } from "./run_row.ts";
 * import assert from "node:assert/strict";
 *
 * const mk = (id: string, lr: number) =>
 *   runRow({ id, name: id, status: "done", step: 1, steps: 1, started: id, metrics: {} }, { optimizer: { kind: "gd", lr } });
 * const rows = [mk("a", 0.1), mk("b", 1), mk("c", 0.01)];
 * assert.deepEqual(sortFilterRows(rows, { sort: "lr", dir: "asc", filter: "" }).map((r) => r.id), ["c", "a", "b"]);
 * assert.deepEqual(sortFilterRows(rows, { sort: "lr", dir: "asc", filter: "b" }).map((r) => r.id), ["b"]);
 * ```
 */
export function sortFilterRows(rows: readonly RunRow[], view: RunTableView): RunRow[] {
  const words = view.filter.toLowerCase().split(/\s+/).filter((w) => w !== "");
  const kept = rows.filter((r) =>
    words.every((w) => {
      const eq = w.indexOf("=");
      if (eq > 0) {
        const key = w.slice(0, eq) as keyof RunRow;
        return Object.hasOwn(r, key) && String(r[key]).toLowerCase() === w.slice(eq + 1);
      }
      return r.search.includes(w);
    })
  );
  const sign = view.dir === "asc" ? 1 : -1;
  return kept.sort((a, b) => {
    const x = a[view.sort], y = b[view.sort];
    let c: number;
    if (typeof x === "number" && typeof y === "number") {
      if (Number.isNaN(x) || Number.isNaN(y)) c = Number.isNaN(x) ? (Number.isNaN(y) ? 0 : 1) : -1;
      else c = sign * (x - y);
      if (Number.isNaN(x) !== Number.isNaN(y)) return c; // NaN last in both directions
    } else c = sign * String(x).localeCompare(String(y));
    return c !== 0 ? c : a.started < b.started ? 1 : a.started > b.started ? -1 : 0;
  });
}
