import assert from "node:assert/strict";
import { runSpecJsonSchema } from "../../src/run/json_schema.ts";

Deno.test("runSpecJsonSchema() describes the public format with its defaults", () => {
  const schema = runSpecJsonSchema() as {
    $schema: string;
    required: string[];
    properties: Record<string, { default?: unknown }>;
  };
  assert.match(schema.$schema, /json-schema\.org/);
  assert.deepEqual(schema.required.sort(), ["problem", "steps"]);
  assert.equal(schema.properties.backend?.default, "auto");
  const text = JSON.stringify(schema);
  for (const kind of ["linear-classification", "gd", "normalized-gd", "sgd", "separable", "csv", "soudry-fig1"]) {
    assert.ok(text.includes(`"${kind}"`), `schema mentions ${kind}`);
  }
});
