import assert from "node:assert/strict";
import { join } from "node:path";
import { loadData } from "../../../src/problems/shared/load_data.ts";
import { SpecError } from "../../../src/spec/spec_error.ts";

Deno.test("loadData() resolves a relative CSV path against the base directory", async () => {
  const dir = await Deno.makeTempDir();
  await Deno.writeTextFile(join(dir, "p.csv"), "1,2,1\n-1,-2,-1\n");
  const data = loadData({ kind: "csv", path: "p.csv" }, { baseDir: dir });
  assert.equal(data.n, 2);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("loadData() turns an unreadable CSV into a SpecError at problem.data.path", () => {
  assert.throws(
    () => loadData({ kind: "csv", path: "missing.csv" }, { baseDir: "/nonexistent" }),
    (e: unknown) => e instanceof SpecError && /^Invalid spec at problem\.data\.path: cannot read CSV/.test(e.message),
  );
});

Deno.test("loadData() builds inline points, generated and named data", () => {
  assert.equal(loadData({ kind: "points", x: [[1, 2]], y: [-1] }).d, 2);
  assert.equal(loadData({ kind: "separable", n: 5, d: 3, margin: 0.1, seed: 0 }).n, 5);
  assert.equal(loadData({ kind: "dataset", name: "soudry-fig1" }).n, 16);
});
