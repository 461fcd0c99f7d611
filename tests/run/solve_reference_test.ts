import assert from "node:assert/strict";
import { compileRun } from "../../src/run/compile_run.ts";
import { solveReference } from "../../src/run/solve_reference.ts";
import { assertAllClose } from "../_assert_close.ts";

Deno.test("solveReference() gives the L2 max margin for GD, SGD and normalized GD on linear classification", async () => {
  for (const optimizer of [{ kind: "gd" }, { kind: "sgd" }, { kind: "normalized-gd" }]) {
    const ref = await solveReference(compileRun({
      problem: { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } },
      optimizer,
      steps: 1,
    }));
    assert.equal(ref.kind, "max-margin-l2");
    assert.ok(ref.predictor !== null);
  }
});

async function referenceFor(problem: unknown, optimizer: unknown, init?: unknown) {
  return await solveReference(compileRun({ problem, optimizer, steps: 1, ...(init ? { init } : {}) }));
}

const separable = { kind: "linear-classification", loss: "exp", data: { kind: "separable", n: 6, d: 8, seed: 4 } };
const gunasekar = { kind: "least-squares", data: { kind: "points", x: [[1, 1, 1], [1, 2, 0]], y: [1, 10] } };

Deno.test("solveReference() picks the max margin of the norm the optimizer is biased towards", async () => {
  const cases: [unknown, string][] = [
    [{ kind: "steepest", norm: "l1" }, "max-margin-l1"],
    [{ kind: "steepest", norm: 1 }, "max-margin-l1"],
    [{ kind: "coordinate", rule: "greedy" }, "max-margin-l1"],
    [{ kind: "steepest", norm: "l2" }, "max-margin-l2"],
    [{ kind: "steepest", norm: "linf" }, "max-margin-linf"],
  ];
  for (const [optimizer, kind] of cases) {
    const ref = await referenceFor(separable, optimizer);
    assert.equal(ref.kind, kind, JSON.stringify(optimizer));
    assert.ok(ref.predictor !== null);
  }
  for (
    const optimizer of [{ kind: "adam" }, { kind: "adagrad" }, { kind: "coordinate" }, { kind: "steepest", norm: 3 }]
  ) {
    const ref = await referenceFor(separable, optimizer);
    assert.equal(ref.predictor, null, JSON.stringify(optimizer));
    assert.ok(ref.predictor === null && ref.error.length > 20);
  }
});

Deno.test("solveReference() gives the multiclass SVM for GD-like methods on softmax cross-entropy", async () => {
  const problem = { kind: "multiclass", data: { kind: "separable", n: 9, d: 3, classes: 3, seed: 1 } };
  const ref = await referenceFor(problem, { kind: "sgd" });
  assert.equal(ref.kind, "multiclass-svm");
  assert.deepEqual(ref.predictor?.shape, [3, 3]);
  assert.equal((await referenceFor(problem, { kind: "adam" })).predictor, null);
});

Deno.test("solveReference() on least squares: min-norm from w₀, min-ℓp for mirror descent, none when step-size dependent", async () => {
  const gd = await referenceFor(gunasekar, { kind: "gd", momentum: 0.9 }, { kind: "values", values: [1, 0, 0] });
  assert.equal(gd.kind, "min-norm-least-squares");
  assert.deepEqual(gd.predictor === null ? [] : Array.from(gd.predictor.data).map((v) => Math.round(v * 1e9) / 1e9), [
    1,
    4.5,
    -4.5,
  ]);
  assert.equal((await referenceFor(gunasekar, { kind: "mirror", p: 1.5 })).kind, "min-l1.5-interpolant");
  for (const optimizer of [{ kind: "adagrad" }, { kind: "steepest", norm: 4 / 3 }, { kind: "coordinate" }]) {
    const ref = await referenceFor(gunasekar, optimizer);
    assert.equal(ref.predictor, null, JSON.stringify(optimizer));
    assert.match(ref.predictor === null ? ref.error : "", /step[- ]size/);
  }
  const mirrorFromW0 = await referenceFor(gunasekar, { kind: "mirror", p: 1.5 }, { kind: "values", values: [1, 0, 0] });
  assert.match(mirrorFromW0.predictor === null ? mirrorFromW0.error : "", /Bregman/);
});

Deno.test("solveReference() gives adaptive methods ¼·sign(Xᵀy) on Wilson et al.'s data (their Lemma 3.1)", async () => {
  const problem = { kind: "least-squares", data: { kind: "wilson", n: 12, p: 0.75, seed: 1 } };
  for (const kind of ["adagrad", "rmsprop", "adam"]) {
    const ref = await referenceFor(problem, { kind });
    assert.equal(ref.kind, "sign-interpolant");
    assert.ok(ref.predictor !== null);
    assert.ok(ref.predictor.data.every((v) => v === 0 || Math.abs(Math.abs(v) - 0.25) < 1e-15));
  }
});

const fig1Data = { kind: "dataset", name: "soudry-fig1" };
const oneExample = { kind: "points", x: [[0.9, -0.4, -0.7, 0.5, 0.6, -0.8, -0.3, 0.2]], y: [1] };

Deno.test("solveReference() gives deep linear nets the L2 max margin of their data", async () => {
  const ref = await solveReference(compileRun({ problem: { kind: "linear-net", depth: 3, data: fig1Data }, steps: 1 }));
  assert.equal(ref.kind, "max-margin-l2");
  assertAllClose(ref.predictor!.data, [0.5, 0.5], { rtol: 1e-12 });
});

Deno.test("solveReference() gives conv nets the DFT-ℓ1 max margin at depth 2, L2 at depth 1, none deeper", async () => {
  const conv = (depth: number) =>
    compileRun({ problem: { kind: "linear-conv-net", depth, data: oneExample }, steps: 1 });
  assert.equal((await solveReference(conv(2))).kind, "max-margin-dft-l1");
  assert.equal((await solveReference(conv(1))).kind, "max-margin-l2");
  const deep = await solveReference(conv(3));
  assert.equal(deep.predictor, null);
  assert.match(deep.predictor === null ? deep.error : "", /stationary point/);
});

Deno.test("solveReference() gives matrix sensing the minimum nuclear norm solution", async () => {
  const ref = await solveReference(compileRun({
    problem: { kind: "matrix-sensing", n: 6, measurements: { kind: "diagonal", m: 3, truthRank: 1 } },
    steps: 1,
  }));
  assert.equal(ref.kind, "min-trace-psd");
  assert.deepEqual(ref.predictor!.shape, [6, 6]);
});

Deno.test("solveReference() names no reference for factorized problems under non-GD optimizers", async () => {
  const net = await solveReference(compileRun({
    problem: { kind: "linear-net", depth: 2, data: fig1Data },
    optimizer: { kind: "adam" },
    steps: 1,
  }));
  assert.equal(net.predictor, null);
  assert.match(net.predictor === null ? net.error : "", /deep linear net.*adam/);
  const sensing = await solveReference(compileRun({
    problem: { kind: "matrix-sensing", n: 3, measurements: { kind: "diagonal", m: 2, truthRank: 1 } },
    optimizer: { kind: "adagrad" },
    steps: 1,
  }));
  assert.match(sensing.predictor === null ? sensing.error : "", /matrix sensing with adagrad/);
});
