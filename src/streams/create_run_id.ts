/**
 * A run id that sorts by start time and is safe in paths and URLs:
 * `<name>-<yyyymmdd>-<hhmmss>-<8 hex>` (32 random bits: stores create
 * a run's directory exclusively and retry with a fresh id in the rare clash).
 *
 * @param name The run's name (slugged; `run` when empty).
 * @param now The start time (default: now).
 * @returns The id.
 *
 * @example Usage
 * ```ts
 * import { createRunId } from "./create_run_id.ts";
 * import assert from "node:assert/strict";
 *
 * const id = createRunId("Soudry fig. 1", new Date("2026-11-27T09:30:00Z"));
 * assert.match(id, /^soudry-fig-1-20261127-093000-[0-9a-f]{8}$/);
 * ```
 */
export function createRunId(name = "run", now: Date = new Date()): string {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 48) || "run";
  const iso = now.toISOString(); // 2026-11-27T09:30:00.000Z
  const stamp = `${iso.slice(0, 10).replaceAll("-", "")}-${iso.slice(11, 19).replaceAll(":", "")}`;
  const rand = crypto.getRandomValues(new Uint32Array(1))[0]!.toString(16).padStart(8, "0");
  return `${slug}-${stamp}-${rand}`;
}
