import assert from "node:assert/strict";
import { presetSpec } from "../../src/presets/presets.ts";
import { runSpecJsonSchema } from "../../src/run/json_schema.ts";
import { parseSpec } from "../../src/run/spec_parser.ts";
import { setAtPath } from "../../src/spec/set_at_path.ts";
import { type JsonSchema, validateJsonSchema } from "../../src/viewer/validate_json_schema.ts";

const schema = runSpecJsonSchema() as JsonSchema;

Deno.test("`validateJsonSchema()` accepts every preset against the run spec schema", () => {
  for (const name of ["soudry-fig1", "soudry-fig1-momentum", "soudry-fig1-sgd", "nacson-normalized-gd"]) {
    assert.deepEqual(validateJsonSchema(schema, presetSpec(name)), [], name);
  }
});

Deno.test("`validateJsonSchema()` flags what parseSpec rejects, at the same paths", () => {
  const base = presetSpec("soudry-fig1");
  const cases: [string, unknown, string][] = [
    ["steps", 0, "steps"],
    ["steps", 1.5, "steps"],
    ["steps", "10", "steps"],
    ["optimizer.kind", "adamw", "optimizer.kind"],
    ["problem.data.kind", "nope", "problem.data.kind"],
    ["backend", "tpu", "backend"],
    ["record.perDecade", 0, "record.perDecade"],
    ["optimizer.batch", 2, "optimizer"],
    ["init", { kind: "values" }, "init.values"],
  ];
  for (const [path, value, where] of cases) {
    const spec = setAtPath(base, path, value);
    const issues = validateJsonSchema(schema, spec);
    assert.ok(issues.length > 0, `${path} = ${JSON.stringify(value)} is flagged`);
    assert.ok(issues.some((i) => i.path === where), `${path}: ${JSON.stringify(issues)}`);
    assert.throws(() => parseSpec(spec), /Invalid spec/, `parseSpec also rejects ${path}`);
  }
});

Deno.test("`validateJsonSchema()` names unknown fields, missing ones, wrong types and unknown kinds", () => {
  assert.deepEqual(validateJsonSchema(schema, { steps: 1, extra: 2 }), [
    { path: "problem", message: "Required" },
    { path: "", message: "Unknown field extra" },
  ]);
  assert.deepEqual(validateJsonSchema(schema, []), [{ path: "", message: "Expected object (saw [])" }]);
  const issues = validateJsonSchema(schema, { problem: { kind: "matrix", data: {} }, steps: 1 });
  // Every problem kind the schema knows is listed, whatever kinds exist.
  assert.equal(issues.length, 1);
  assert.equal(issues[0]!.path, "problem.kind");
  assert.match(
    issues[0]!.message,
    /^Unknown kind; expected one of "linear-classification"(, "[a-z-]+")* \(saw "matrix"\)$/,
  );
});

Deno.test("`validateJsonSchema()` handles anyOf, allOf, exclusive bounds, lengths and patterns", () => {
  const s: JsonSchema = {
    type: "object",
    properties: {
      a: { anyOf: [{ type: "string", pattern: "^x" }, { type: "number", exclusiveMinimum: 0 }] },
      b: { allOf: [{ type: "array", maxItems: 2 }, { items: { type: "boolean" } }] },
      c: { type: "string", minLength: 2, maxLength: 3 },
    },
  };
  assert.deepEqual(validateJsonSchema(s, { a: "xy", b: [true], c: "ab" }), []);
  assert.equal(validateJsonSchema(s, { a: 0 }).length, 1);
  assert.deepEqual(validateJsonSchema(s, { b: [true, 1, false] }).map((i) => i.path), ["b", "b[1]"]);
  assert.deepEqual(validateJsonSchema(s, { c: "abcd" }), [{ path: "c", message: "Expected at most 3 characters" }]);
});
