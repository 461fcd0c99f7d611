import assert from "node:assert/strict";
import { formatPresetList } from "../../src/cli/format_preset_list.ts";

Deno.test("formatPresetList() pads names to one column and ends each line with the source", () => {
  const text = formatPresetList({
    a: { description: "First", source: "P1" },
    longer: { description: "Second", source: "P2" },
  });
  assert.equal(text, "a       First [P1]\nlonger  Second [P2]\n");
  assert.equal(formatPresetList({}), "");
});
