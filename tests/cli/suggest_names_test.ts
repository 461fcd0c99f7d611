import assert from "node:assert/strict";
import { suggestNames } from "../../src/cli/suggest_names.ts";
import { presets } from "../../src/presets/presets.ts";

const names = Object.keys(presets());

Deno.test("suggestNames() finds the preset behind a typo, a swapped pair, a separator or a missing suffix", () => {
  assert.deepEqual(suggestNames("soudry-fig", names), ["soudry-fig1"]);
  assert.deepEqual(suggestNames("soudry_fig1", names), ["soudry-fig1"]);
  assert.deepEqual(suggestNames("SOUDRY-FIG1", names), ["soudry-fig1"]);
  assert.deepEqual(suggestNames("matrix-sensng", names), ["matrix-sensing"]);
  assert.deepEqual(suggestNames("--lsit", ["--list", "--set"]), ["--list"]);
});

Deno.test("suggestNames() returns only the nearest, at most `max`, and nothing for unrelated input", () => {
  assert.deepEqual(suggestNames("ab", ["ac", "ad", "abc", "zz"]), ["abc", "ac", "ad"]);
  assert.deepEqual(suggestNames("ab", ["ac", "ad", "ae", "af"], 2), ["ac", "ad"]);
  assert.deepEqual(suggestNames("qqqqqq", names), []);
  assert.deepEqual(suggestNames("", names), []);
  assert.deepEqual(suggestNames("nacson", names), names.filter((n) => n.startsWith("nacson")).sort().slice(0, 3));
});
