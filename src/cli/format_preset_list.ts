/** What `--list` and the README show of a preset. */
export interface PresetEntry {
  /** What it shows, in a sentence. */
  readonly description: string;
  /** Where it comes from (paper, slide). */
  readonly source: string;
}

/**
 * The presets as text, one per line: the name padded to a column, the
 * one-line description, then the source in brackets (`deno task run --list`).
 *
 * @param presets The presets by name, in the order to list them.
 * @returns The lines, each ending in a newline.
 *
 * @example Usage
 * ```ts
 * import { formatPresetList } from "./format_preset_list.ts";
 * import assert from "node:assert/strict";
 *
 * const text = formatPresetList({ a: { description: "Does x", source: "Paper (2018)" } });
 * assert.equal(text, "a  Does x [Paper (2018)]\n");
 * ```
 */
export function formatPresetList(presets: Readonly<Record<string, PresetEntry>>): string {
  const names = Object.keys(presets);
  const width = Math.max(0, ...names.map((n) => n.length));
  return names.map((n) => `${n.padEnd(width)}  ${presets[n]!.description} [${presets[n]!.source}]\n`).join("");
}
