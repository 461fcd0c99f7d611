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

Deno.test("setAtPath() refuses an index past the end and very long paths before allocating (issue 15)", () => {
  const spec = { x: [[1, 2], [3, 4]] };
  assert.deepEqual(setAtPath(spec, "x[2]", [5, 6]), { x: [[1, 2], [3, 4], [5, 6]] }); // append
  assert.deepEqual(setAtPath(spec, "x[1][2]", 7), { x: [[1, 2], [3, 4, 7]] });
  assert.deepEqual(setAtPath({}, "y[0]", 1), { y: [1] });
  const t0 = performance.now();
  assert.throws(
    () => setAtPath(spec, "x[99999999]", 1),
    RangeError,
    "index 99999999 is beyond the end of x (length 2)",
  );
  assert.throws(() => setAtPath(spec, "x[0][3]", 1), RangeError, "beyond the end of x.0 (length 2)");
  assert.throws(() => setAtPath({}, "y[1]", 1), RangeError, "(length 0)");
  assert.throws(() => setAtPath({}, Array(40).fill("a").join("."), 1), RangeError, "40 parts");
  assert.ok(performance.now() - t0 < 100);
});
