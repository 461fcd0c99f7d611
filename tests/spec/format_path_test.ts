import assert from "node:assert/strict";
import { formatPath } from "../../src/spec/format_path.ts";

Deno.test("formatPath() writes keys with dots and indices in brackets", () => {
  assert.equal(formatPath([]), "");
  assert.equal(formatPath(["steps"]), "steps");
  assert.equal(formatPath(["problem", "data", "x", 3, 1]), "problem.data.x[3][1]");
  assert.equal(formatPath([0, "a"]), "[0].a");
});
