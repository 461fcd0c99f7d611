import assert from "node:assert/strict";
import { loadTargetData } from "../../../src/problems/shared/load_target_data.ts";
import { SpecError } from "../../../src/spec/spec_error.ts";

Deno.test("loadTargetData() keeps real targets from points and CSV files", () => {
  const data = loadTargetData({ kind: "points", x: [[1, 2], [3, 4]], y: [0.5, -7] });
  assert.deepEqual(Array.from(data.y), [0.5, -7]);
  const dir = Deno.makeTempDirSync();
  try {
    Deno.writeTextFileSync(`${dir}/t.csv`, "a,b,y\n1,2,3.5\n4,5,2\n");
    const csv = loadTargetData({ kind: "csv", path: "t.csv" }, { baseDir: dir });
    assert.deepEqual(Array.from(csv.y), [3.5, 2]);
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

Deno.test("loadTargetData() checks a held-out set's width and draws Wilson test points", () => {
  const train = loadTargetData({ kind: "wilson", n: 6, p: 0.75, seed: 0 });
  const test = loadTargetData({ kind: "wilson", n: 10, p: 0.75, seed: 1 }, { testFor: train });
  assert.equal(test.d, train.d);
  assert.ok(test.x.subarray(3, test.d).every((v) => v === 0));
  assert.throws(
    () => loadTargetData({ kind: "points", x: [[1, 2]], y: [1] }, { testFor: train }),
    (e: unknown) =>
      e instanceof SpecError &&
      /problem\.test: expected 33 features per point like the training data but found 2/.test(e.message),
  );
});

Deno.test("loadTargetData() reports missing files and impossible generators as SpecErrors", () => {
  assert.throws(() => loadTargetData({ kind: "csv", path: "/no/such.csv" }), SpecError, "problem.data.path");
  assert.throws(
    () => loadTargetData({ kind: "separable", n: 3, d: 1, classes: 3, margin: 0, seed: 0 }),
    SpecError,
    "need d ≥ 2",
  );
});
