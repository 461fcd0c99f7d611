import assert from "node:assert/strict";
import { createOptimizer } from "../../src/optimizers/create_optimizer.ts";
import { smallProblem } from "./_fixture.ts";

Deno.test("createOptimizer() builds each optimizer kind of the spec", () => {
  const p = smallProblem();
  assert.equal(createOptimizer(p, { kind: "gd", lr: 0.1, momentum: 0, nesterov: false }).kind, "gd");
  assert.equal(createOptimizer(p, { kind: "normalized-gd", lr: 0.1 }).kind, "normalized-gd");
  assert.equal(
    createOptimizer(p, { kind: "sgd", lr: 0.1, batch: 2, seed: 0, momentum: 0, nesterov: false }).kind,
    "sgd",
  );
});
