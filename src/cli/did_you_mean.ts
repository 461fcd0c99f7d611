import { suggestNames } from "./suggest_names.ts";

/**
 * The end of an "unknown name" message: `; did you mean a or b?` when some
 * names are close to the input, else `; <noun> lists them` (never all names
 * on one line).
 *
 * @param input What the user typed.
 * @param names The valid names.
 * @param otherwise What to say when nothing is close, e.g. `run with --list to see the presets`.
 * @returns The text to append to the message.
 *
 * @example Usage
 * ```ts
 * import { didYouMean } from "./did_you_mean.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(didYouMean("soudry-fig", ["soudry-fig1", "x"], "see --list"), "; did you mean soudry-fig1?");
 * assert.equal(didYouMean("qqqq", ["soudry-fig1"], "see --list"), "; see --list");
 * ```
 */
export function didYouMean(input: string, names: readonly string[], otherwise: string): string {
  const near = suggestNames(input, names);
  if (near.length === 0) return `; ${otherwise}`;
  return `; did you mean ${near.length === 1 ? near[0] : `${near.slice(0, -1).join(", ")} or ${near.at(-1)}`}?`;
}
