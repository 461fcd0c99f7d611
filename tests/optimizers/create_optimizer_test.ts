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

Deno.test("createOptimizer() builds the adaptive, steepest, coordinate and mirror kinds", () => {
  const p = smallProblem();
  const specs = [
    { kind: "adagrad", lr: 0.1, eps: 1e-10 },
    { kind: "rmsprop", lr: 0.01, alpha: 0.99, eps: 1e-8, momentum: 0, centered: false },
    { kind: "adam", lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8 },
    { kind: "steepest", norm: "linf", lr: 0.1 },
    { kind: "coordinate", rule: "greedy", lr: 0.1 },
    { kind: "mirror", p: 1.5, lr: 0.1 },
  ] as const;
  for (const spec of specs) assert.equal(createOptimizer(p, spec).kind, spec.kind);
});
