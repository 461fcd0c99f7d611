import assert from "node:assert/strict";
import { compileRun } from "../../src/engine/compile_run.ts";
import { webGpuUnsupported } from "../../src/webgpu/webgpu_unsupported.ts";

const problem = { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } } as const;
const run = compileRun({ problem, optimizer: { kind: "sgd", batch: 4 }, steps: 10 });

Deno.test("webGpuUnsupported() accepts linear classification with every optimizer", () => {
  const optimizers = [
    { kind: "gd" },
    { kind: "normalized-gd" },
    { kind: "sgd", batch: 4 },
    { kind: "adagrad" },
    { kind: "rmsprop", centered: true, momentum: 0.5 },
    { kind: "adam" },
    { kind: "steepest", norm: "l1" },
    { kind: "coordinate", rule: "greedy" },
    { kind: "mirror", p: 1.5 },
  ];
  for (const optimizer of optimizers) {
    assert.equal(webGpuUnsupported(compileRun({ problem, optimizer, steps: 10 })), null, optimizer.kind);
  }
});

Deno.test("webGpuUnsupported() accepts multiclass, linear-net and linear-conv-net, and refuses matrix-sensing", () => {
  const data = { kind: "separable", n: 6, d: 4, seed: 1 } as const;
  const problems = [
    { kind: "multiclass", data: { ...data, classes: 3 } },
    { kind: "linear-net", depth: 3, width: [3, 2], data },
    { kind: "linear-conv-net", depth: 2, data },
  ];
  for (const p of problems) {
    for (const optimizer of [{ kind: "normalized-gd" }, { kind: "adam" }, { kind: "mirror", p: 1.5 }]) {
      assert.equal(webGpuUnsupported(compileRun({ problem: p, optimizer, steps: 10 })), null, p.kind);
    }
  }
  const sensing = compileRun({
    problem: { kind: "matrix-sensing", n: 3, measurements: { kind: "diagonal", m: 2, truthRank: 1 } },
    steps: 10,
  });
  assert.match(webGpuUnsupported(sensing)!, /no kernel for problem kind matrix-sensing/);
});

Deno.test("webGpuUnsupported() names a problem kind without a kernel, and an optimizer without an update rule", () => {
  assert.match(webGpuUnsupported(run, {})!, /no kernel for problem kind linear-classification/);
  assert.match(webGpuUnsupported(run, undefined, {})!, /does not implement optimizer sgd/);
});
