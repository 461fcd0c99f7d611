import assert from "node:assert/strict";
import { compileRun } from "../../src/run/compile_run.ts";
import { createOptimizer } from "../../src/optimizers/create_optimizer.ts";
import { problemOfKind } from "../../src/problems/problem_of_kind.ts";
import { presets, presetSpec } from "../../src/presets/presets.ts";
import { setAtPath } from "../../src/spec/set_at_path.ts";

// experiments.md §9 at CI size: the preset (MNIST 10×10, one hidden ReLU layer with biases, SGD lr 0.2, batch 64,
// 60 epochs, PyTorch's init) on 4,000 training examples, the full test split, widths 16, 64, 256 and 1024.
// The steps run in a plain loop; only the end is measured (the preset's recording points would add passes).
Deno.test("neyshabur-width at CI size: the test error falls with the width past fitting the data", () => {
  assert.deepEqual(presets()["neyshabur-width"]!.sweep?.path, "problem.widths[0]");
  // CI size: 60 epochs, no stop rule (the full-size preset trains each width until 0 training errors, ≤ 150 epochs).
  const { stop: _, ...full } = presetSpec("neyshabur-width") as Record<string, unknown>;
  assert.deepEqual(_, { metric: "train_error", atMost: 0 });
  const base = setAtPath(setAtPath(full, "problem.data.n", 4000), "epochs", 60);
  const errors = new Map<number, { train: number; test: number }>();
  for (const width of [16, 64, 256, 1024]) {
    const run = compileRun(setAtPath(base, "problem.widths[0]", width));
    assert.equal(run.spec.steps, 60 * Math.ceil(4000 / 64));
    const problem = problemOfKind(run.problem, "mlp");
    const optimizer = createOptimizer(problem, run.spec.optimizer);
    const w = run.init.slice();
    for (let t = 0; t < run.spec.steps; t++) assert.ok(optimizer.step(w));
    const train = problem.evaluate(w), test = problem.evaluate(w, problem.test!);
    errors.set(width, { train: train.errors / train.n, test: test.errors / test.n });
  }
  const at = (w: number) => errors.get(w)!.test;
  const table = [...errors].map(([w, e]) => `${w}: train ${e.train}, test ${e.test}`).join("; ");
  assert.ok(at(1024) <= at(16) - 0.015, `test error at 1024 should be ≥ 1.5 points below 16 (${table})`);
  assert.ok(at(1024) <= at(64), `test error at 1024 should not exceed 64's (${table})`);
});
