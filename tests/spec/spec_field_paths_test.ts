import assert from "node:assert/strict";
import { runSpecJsonSchema } from "../../src/run/json_schema.ts";
import { specFieldPaths } from "../../src/spec/spec_field_paths.ts";
import { presets, presetSpec } from "../../src/presets/presets.ts";
import { setAtPath } from "../../src/spec/set_at_path.ts";
import { parseSpec } from "../../src/run/spec_parser.ts";

Deno.test("specFieldPaths() lists the fields of the spec's own kinds, with its values", () => {
  const paths = specFieldPaths(runSpecJsonSchema(), presetSpec("soudry-fig1"));
  const by = new Map(paths.map((p) => [p.path, p.value]));
  assert.equal(by.get("optimizer.kind"), "gd");
  assert.equal(by.get("steps"), 1_000_000);
  assert.ok(by.has("optimizer.momentum") && !by.has("optimizer.beta1"), "gd's fields, not adam's");
  assert.ok(by.has("record.perDecade") && by.get("record.perDecade") === 20);
  assert.equal(by.get("problem.data.name"), "soudry-fig1");
});

Deno.test("specFieldPaths() offers only paths that the schema accepts when set (every preset)", () => {
  for (const name of Object.keys(presets())) {
    const spec = presetSpec(name);
    for (const { path, value } of specFieldPaths(runSpecJsonSchema(), spec)) {
      if (value === undefined) continue;
      // Setting a field to its own value keeps the spec valid: the path names a real field.
      parseSpec(setAtPath(spec, path, value));
    }
  }
});
