import assert from "node:assert/strict";
import { setAtPath } from "../../src/spec/set_at_path.ts";

Deno.test("setAtPath() replaces nested fields and array entries without mutating", () => {
  const v = { a: [{ b: 1 }], c: { d: 2 } };
  assert.deepEqual(setAtPath(v, "a[0].b", 5), { a: [{ b: 5 }], c: { d: 2 } });
  assert.deepEqual(setAtPath(v, "c.e.f", true), { a: [{ b: 1 }], c: { d: 2, e: { f: true } } });
  assert.deepEqual(v, { a: [{ b: 1 }], c: { d: 2 } });
});

Deno.test("setAtPath() rejects malformed paths and paths through scalars", () => {
  for (const p of ["", "a..b", "a.", ".a", "a b", "a[x]"]) {
    assert.throws(() => setAtPath({}, p, 1), SyntaxError, `Cannot parse the field path "${p}"`);
  }
  assert.throws(() => setAtPath({ a: 3 }, "a.b", 1), TypeError, "a is 3, not an object");
});
