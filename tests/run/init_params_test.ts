import assert from "node:assert/strict";
import { initParams } from "../../src/run/init_params.ts";
import { createRng } from "../../src/random/rng.ts";
import { compileRun } from "../../src/run/compile_run.ts";
import { SpecError } from "../../src/spec/spec_error.ts";

Deno.test("initParams() gives zeros, seeded scaled Gaussians or the given values", () => {
  assert.deepEqual(Array.from(initParams({ kind: "zeros" }, 3)), [0, 0, 0]);
  const rng = createRng(5);
  const expected = [0.01 * rng.normal(), 0.01 * rng.normal()];
  assert.deepEqual(Array.from(initParams({ kind: "gaussian", scale: 0.01, seed: 5 }, 2)), expected);
  assert.deepEqual(Array.from(initParams({ kind: "values", values: [4, 5] }, 2)), [4, 5]);
});

Deno.test("initParams() builds the identity init from the problem's factors", () => {
  const run = compileRun({
    problem: { kind: "matrix-sensing", n: 3, rank: 2, measurements: { kind: "diagonal", m: 2, truthRank: 1 } },
    init: { kind: "identity", scale: 0.5 },
    steps: 1,
  });
  assert.deepEqual(Array.from(run.init), [0.5, 0, 0, 0.5, 0, 0]);
});

Deno.test("initParams() refuses the identity init for problems without factors", () => {
  assert.throws(
    () =>
      compileRun({
        problem: { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } },
        init: { kind: "identity", scale: 1 },
        steps: 1,
      }),
    (e: unknown) =>
      e instanceof SpecError && e.issues[0]!.path === "init.kind" && /linear-classification/.test(e.message),
  );
  assert.throws(() => initParams({ kind: "identity", scale: 1 }, 3), /factorized problem/);
});

Deno.test("initParams() still does zeros, Gaussian and values", () => {
  assert.deepEqual(Array.from(initParams({ kind: "zeros" }, 2)), [0, 0]);
  assert.equal(initParams({ kind: "gaussian", scale: 2, seed: 1 }, 5).length, 5);
  assert.throws(() => initParams({ kind: "values", values: [1] }, 2), SpecError);
});
