import assert from "node:assert/strict";
import { compileProblem } from "../../src/problems/compile_problem.ts";

Deno.test("compileProblem() builds a linear-classification problem of the data's dimension", () => {
  const p = compileProblem({
    kind: "linear-classification",
    loss: "exp",
    reduction: "mean",
    data: { kind: "separable", n: 7, d: 3, margin: 0.1, seed: 1 },
  });
  assert.equal(p.kind, "linear-classification");
  assert.equal(p.size, 3);
  assert.equal(p.examples, 7);
});

Deno.test("compileProblem() builds least-squares and multiclass problems with their held-out sets", () => {
  const lsq = compileProblem({
    kind: "least-squares",
    reduction: "sum",
    data: { kind: "gaussian", n: 4, d: 9, noise: 0, seed: 1 },
    test: { kind: "gaussian", n: 20, d: 9, noise: 0, seed: 2 },
  });
  assert.equal(lsq.kind, "least-squares");
  assert.equal(lsq.size, 9);
  const multi = compileProblem({
    kind: "multiclass",
    reduction: "mean",
    data: { kind: "separable", n: 8, d: 3, classes: 4, margin: 0.1, seed: 1 },
  });
  assert.equal(multi.kind, "multiclass");
  assert.equal(multi.size, 12);
  assert.deepEqual(multi.predictor(new Float64Array(12)).shape, [4, 3]);
});
