import assert from "node:assert/strict";
import { compileRun } from "../../src/run/compile_run.ts";
import { webGpuUnsupported } from "../../src/webgpu/webgpu_unsupported.ts";
import { PROBLEM_KERNELS } from "../../src/webgpu/kernels/problem_kernels.ts";

const problem = { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } } as const;
const run = compileRun({ problem, optimizer: { kind: "sgd", batch: 4 }, steps: 10 });

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

Deno.test("webGpuUnsupported() accepts linear classification with every optimizer", () => {
  for (const optimizer of optimizers) {
    assert.equal(webGpuUnsupported(compileRun({ problem, optimizer, steps: 10 })), null, optimizer.kind);
  }
});

Deno.test("webGpuUnsupported() accepts matrix sensing of every measurement kind with every optimizer", () => {
  const measurements = [
    { kind: "gaussian", m: 10, truthRank: 1 },
    { kind: "completion", m: 10, truthRank: 1 },
    { kind: "diagonal", m: 3, truthRank: 1 },
    { kind: "points", a: [[[1, 0], [0, 2]]], y: [1] },
  ];
  for (const m of measurements) {
    for (const symmetric of [true, false]) {
      const n = m.kind === "points" ? 2 : 5;
      const sensing = { kind: "matrix-sensing", n, symmetric, measurements: m };
      for (const rule of optimizers) {
        // A batch may not exceed the measurements (3 diagonal ones, 1 inline): batch 1 fits every kind.
        const optimizer = rule.kind === "sgd" ? { ...rule, batch: 1 } : rule;
        const why = webGpuUnsupported(compileRun({ problem: sensing, optimizer, steps: 10 }));
        assert.equal(why, null, `${m.kind} ${symmetric} ${optimizer.kind}`);
      }
    }
  }
});

Deno.test("webGpuUnsupported() passes on why a kernel cannot run a problem of its kind", () => {
  const large = compileRun({
    problem: { kind: "matrix-sensing", n: 100, measurements: { kind: "gaussian", m: 10, truthRank: 1 } },
    steps: 10,
  });
  assert.match(webGpuUnsupported(large)!, /holds at most 3424 coordinates of X .* n = 100 needs 5050/);
  const picky = { ...PROBLEM_KERNELS["linear-classification"]!, unsupported: () => "too picky" };
  assert.equal(webGpuUnsupported(run, { "linear-classification": picky }), "too picky");
});

Deno.test("webGpuUnsupported() accepts multiclass, linear-net and linear-conv-net", () => {
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
});

Deno.test("webGpuUnsupported() names a problem kind without a kernel, and an optimizer without an update rule", () => {
  assert.match(webGpuUnsupported(run, {})!, /no kernel for problem kind linear-classification/);
  assert.match(webGpuUnsupported(run, undefined, {})!, /does not implement optimizer sgd/);
});
