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
