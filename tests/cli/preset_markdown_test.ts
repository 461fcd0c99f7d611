import assert from "node:assert/strict";
import { PRESET_MARKERS, presetMarkdown, replacePresetSection } from "../../src/cli/preset_markdown.ts";
import { presets } from "../../src/presets/presets.ts";

/** The rows of a Markdown table as trimmed cells, separator row dropped (deno fmt pads cells). */
function rows(table: string): string[][] {
  return table.trim().split("\n").filter((l) => l.startsWith("|") && !/^\|[\s|:-]+\|$/.test(l))
    .map((l) => l.slice(1, -1).split(/(?<!\\)\|/).map((c) => c.trim()));
}

Deno.test("README.md lists every preset of the registry (regenerate with `deno task readme:presets`)", () => {
  const readme = Deno.readTextFileSync(new URL("../../README.md", import.meta.url));
  const a = readme.indexOf(PRESET_MARKERS.begin);
  const b = readme.indexOf(PRESET_MARKERS.end);
  assert.ok(a >= 0 && b > a, "README.md has the preset markers");
  assert.deepEqual(
    rows(readme.slice(a + PRESET_MARKERS.begin.length, b)),
    rows(presetMarkdown(presets())),
    "README's preset table is out of date: run deno task readme:presets",
  );
  assert.equal(rows(presetMarkdown(presets())).length, Object.keys(presets()).length + 1);
});

Deno.test("replacePresetSection() refuses a README without markers", () => {
  assert.throws(() => replacePresetSection("no markers", "x"), RangeError);
});
