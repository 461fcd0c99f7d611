/**
 * The names nearest to a mistyped one, for "did you mean …?" messages: by
 * optimal string alignment distance (edits, with a swap of neighbours as one
 * edit), case and `-`/`_` ignored, at most a third of the name's length away;
 * only the nearest ones are returned. When none is that close, names that
 * start with the input (or that the input starts with) are returned instead.
 *
 * @param input What the user typed.
 * @param names The valid names.
 * @param max How many to return at most.
 * @returns The nearest names, nearest first (empty when nothing is close).
 *
 * @example Usage
 * ```ts
 * import { suggestNames } from "./suggest_names.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(suggestNames("soudry_fig1", ["soudry-fig1", "matrix-sensing"]), ["soudry-fig1"]);
 * assert.deepEqual(suggestNames("zzz", ["soudry-fig1"]), []);
 * ```
 */
export function suggestNames(input: string, names: readonly string[], max = 3): string[] {
  const a = _norm(input);
  if (a === "") return [];
  const limit = Math.max(1, Math.floor(Math.max(a.length, 3) / 3));
  const scored = names.map((name) => ({ name, d: _osaDistance(a, _norm(name)) })).filter((s) => s.d <= limit);
  if (scored.length > 0) {
    const best = Math.min(...scored.map((s) => s.d));
    return scored.filter((s) => s.d === best).map((s) => s.name).sort().slice(0, max);
  }
  if (a.length < 4) return [];
  return names.filter((name) => _norm(name).startsWith(a) || a.startsWith(_norm(name))).sort().slice(0, max);
}

function _norm(s: string): string {
  return s.toLowerCase().replaceAll("_", "-");
}

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
function _osaDistance(a: string, b: string): number {
  const m = a.length, n = b.length;
  const d: number[][] = Array.from({ length: m + 1 }, (_, i) => Array.from({ length: n + 1 }, (_, j) => i + j));
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[m]![n]!;
}
