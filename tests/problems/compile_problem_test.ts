import assert from "node:assert/strict";
import { problemOfKind } from "../../src/problems/problem_of_kind.ts";
import { compileProblem } from "../../src/problems/compile_problem.ts";
import type { LinearConvNet } from "../../src/problems/linear_conv_net/linear_conv_net.ts";
import type { LinearNet } from "../../src/problems/linear_net/linear_net.ts";
import { SpecError } from "../../src/spec/spec_error.ts";

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

Deno.test("compileProblem() builds linear nets with widths d by default, one width or several", () => {
  const data = { kind: "separable", n: 4, d: 3, margin: 0.1, seed: 0 } as const;
  const net = (width?: number | number[]) =>
    compileProblem({
      kind: "linear-net",
      depth: 3,
      loss: "logistic",
      reduction: "sum",
      data,
      ...(width === undefined ? {} : { width }),
    }) as LinearNet;
  assert.deepEqual(net().layers, [[3, 3], [3, 3], [1, 3]]);
  assert.deepEqual(net(5).layers, [[5, 3], [5, 5], [1, 5]]);
  assert.deepEqual(net([4, 2]).layers, [[4, 3], [2, 4], [1, 2]]);
});

Deno.test("compileProblem() gives nets their held-out set, checking its width", () => {
  const data = { kind: "separable", n: 4, d: 3, margin: 0.1, seed: 0 } as const;
  const conv = compileProblem({
    kind: "linear-conv-net",
    depth: 2,
    loss: "exp",
    reduction: "sum",
    data,
    test: { ...data, n: 7, seed: 1 },
  }) as LinearConvNet;
  assert.equal(conv.test!.n, 7);
  assert.throws(
    () =>
      compileProblem({
        kind: "linear-net",
        depth: 2,
        loss: "logistic",
        reduction: "sum",
        data,
        test: { ...data, d: 4 },
      }),
    (e: unknown) => e instanceof SpecError && e.issues[0]!.path === "problem.test",
  );
});

Deno.test("compileProblem() builds matrix sensing with full-width factors by default", () => {
  const p = problemOfKind(
    compileProblem({
      kind: "matrix-sensing",
      n: 4,
      symmetric: false,
      reduction: "mean",
      measurements: { kind: "completion", m: 5, truthRank: 1, seed: 0, scale: 1 },
    }),
    "matrix-sensing",
  );
  assert.equal(p.size, 2 * 16);
  assert.equal(p.operator.structure, "entries");
});
