import assert from "node:assert/strict";
import { compileRun } from "../../../src/run/compile_run.ts";
import { createOptimizer } from "../../../src/optimizers/create_optimizer.ts";
import { readMnistSplit } from "../../../src/problems/shared/_read_mnist_idx.ts";

const data = { kind: "points", x: [[1, 0], [0, 1], [1, 1], [-1, 0.5]], y: [0, 1, 2, 1] };

for (
  const optimizer of [
    { kind: "gd", lr: 0.5 },
    { kind: "gd", lr: 0.5, momentum: 0.9, nesterov: true },
    { kind: "sgd", lr: 0.5, batch: 2, momentum: 0.5 },
    { kind: "adam", lr: 0.05 },
    { kind: "adagrad", lr: 0.2 },
    { kind: "rmsprop", lr: 0.01 },
    { kind: "normalized-gd", lr: 0.2 },
    { kind: "path-sgd", lr: 0.1, batch: 2, momentum: 0.5 },
  ]
) {
  Deno.test(`${optimizer.kind}${"momentum" in optimizer ? " with momentum" : ""} lowers an mlp's loss unchanged`, () => {
    const run = compileRun({ problem: { kind: "mlp", widths: [8, 8], data }, optimizer, steps: 200 });
    const opt = createOptimizer(run.problem, run.spec.optimizer);
    const w = run.init.slice(), g = new Float64Array(run.problem.size);
    const before = run.problem.gradient(w, g, true);
    for (let t = 0; t < run.spec.steps; t++) assert.ok(opt.step(w));
    const after = run.problem.gradient(w, g, true);
    assert.ok(after < 0.5 * before, `${optimizer.kind}: loss ${before} → ${after}`);
  });
}

Deno.test("MNIST is read once per process and shared", () => {
  assert.equal(readMnistSplit("test"), readMnistSplit("test"));
});
