import assert from "node:assert/strict";
import { SpecError } from "../../src/spec/spec_error.ts";

Deno.test("SpecError() formats the first issue with its value and counts the rest", () => {
  const e = new SpecError([
    { path: "problem.data.y[2]", message: "Expected a label of -1 or 1", input: 0 },
    { path: "steps", message: "Expected at least 1 step", input: 0 },
    { path: "backend", message: "Bad" },
  ]);
  assert.ok(e instanceof TypeError);
  assert.equal(e.message, "Invalid spec at problem.data.y[2]: expected a label of -1 or 1 (saw 0); and 2 more issues");
});

Deno.test("SpecError() truncates long values and handles root issues", () => {
  const e = new SpecError([{ path: "", message: "Expected an object", input: "x".repeat(100) }]);
  assert.match(e.message, /^Invalid spec: expected an object \(saw "x{56}\.\.\.\)$/);
});

Deno.test("SpecError() shows non-finite numbers as they are, not as JSON's null", () => {
  const e = new SpecError([{ path: "optimizer.lr", message: "Expected number, received Infinity", input: Infinity }]);
  assert.equal(e.message, "Invalid spec at optimizer.lr: expected number, received Infinity (saw Infinity)");
  assert.match(new SpecError([{ path: "x", message: "Bad", input: -Infinity }]).message, /\(saw -Infinity\)$/);
  assert.match(new SpecError([{ path: "x", message: "Bad", input: NaN }]).message, /\(saw NaN\)$/);
});
