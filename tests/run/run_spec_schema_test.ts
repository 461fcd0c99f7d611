import assert from "node:assert/strict";
import { parseSpec } from "../../src/run/spec_parser.ts";
import { SpecError } from "../../src/spec/spec_error.ts";
import { compileRun } from "../../src/run/compile_run.ts";

const fig1 = { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } };

function specError(input: unknown): SpecError {
  try {
    compileRun(input);
  } catch (e) {
    if (e instanceof SpecError) return e;
    throw e;
  }
  throw new Error("Expected a SpecError");
}

Deno.test("RunSpecSchema fills in PyTorch's defaults for adagrad, rmsprop and adam", () => {
  const opt = (o: unknown) => parseSpec({ problem: fig1, optimizer: o, steps: 1 }).optimizer;
  assert.deepEqual(opt({ kind: "adagrad" }), { kind: "adagrad", lr: 0.01, eps: 1e-10 });
  assert.deepEqual(opt({ kind: "rmsprop" }), {
    kind: "rmsprop",
    lr: 0.01,
    alpha: 0.99,
    eps: 1e-8,
    momentum: 0,
    centered: false,
  });
  assert.deepEqual(opt({ kind: "adam" }), { kind: "adam", lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8 });
  assert.deepEqual(opt({ kind: "coordinate" }), { kind: "coordinate", rule: "cyclic", lr: 0.1 });
});

Deno.test("RunSpecSchema takes a steepest norm by name or order and refuses p < 1", () => {
  const norm = (n: unknown) =>
    parseSpec({ problem: fig1, optimizer: { kind: "steepest", norm: n }, steps: 1 }).optimizer;
  assert.deepEqual(norm("linf"), { kind: "steepest", norm: "linf", lr: 0.1 });
  assert.deepEqual(norm(1.5), { kind: "steepest", norm: 1.5, lr: 0.1 });
  assert.equal(
    specError({ problem: fig1, optimizer: { kind: "steepest", norm: 0.5 }, steps: 1 }).message,
    "Invalid spec at optimizer.norm: expected a norm order p ≥ 1 (ℓp with p < 1 is not a norm) (saw 0.5)",
  );
  assert.match(
    specError({ problem: fig1, optimizer: { kind: "steepest", norm: "l3" }, steps: 1 }).message,
    /optimizer\.norm: expected a norm: "l1", "l2", "linf" or a number p ≥ 1 \(saw "l3"\)/,
  );
  assert.match(
    specError({ problem: fig1, optimizer: { kind: "mirror", p: 1 }, steps: 1 }).message,
    /optimizer\.p: expected an order p > 1/,
  );
  assert.match(
    specError({ problem: fig1, optimizer: { kind: "adam", beta1: 1 }, steps: 1 }).message,
    /optimizer\.beta1/,
  );
});

Deno.test("RunSpecSchema checks labels per problem: ±1, classes 0..k−1, real targets", () => {
  const x = [[1, 0], [0, 1], [1, 1]];
  assert.match(
    specError({ problem: { ...fig1, data: { kind: "points", x, y: [1, 0.5, -1] } }, steps: 1 }).message,
    /problem\.data\.y\[1\]: expected a label of -1 or 1 \(saw 0\.5\)/,
  );
  assert.match(
    specError({ problem: { kind: "multiclass", classes: 2, data: { kind: "points", x, y: [0, 1, 2] } }, steps: 1 })
      .message,
    /problem\.data\.y\[2\]: expected a class label, an integer in 0\.\.1 \(saw 2\)/,
  );
  assert.match(
    specError({ problem: { kind: "multiclass", data: { kind: "points", x, y: [0, -1, 1] } }, steps: 1 }).message,
    /problem\.data\.y\[1\]: expected a class label, an integer ≥ 0 \(saw -1\)/,
  );
  const lsq = compileRun({
    problem: { kind: "least-squares", data: { kind: "points", x, y: [0.5, -3, 1e3] } },
    steps: 1,
  });
  assert.equal(lsq.problem.kind, "least-squares");
});

Deno.test("compileRun() infers k, checks classes against generated data and held-out labels", () => {
  const x = [[1, 0], [0, 1], [1, 1]];
  const run = compileRun({ problem: { kind: "multiclass", data: { kind: "points", x, y: [0, 2, 1] } }, steps: 1 });
  assert.equal(run.problem.size, 6);
  assert.match(
    specError({
      problem: { kind: "multiclass", classes: 3, data: { kind: "separable", n: 4, d: 2, classes: 4 } },
      steps: 1,
    }).message,
    /problem\.classes: expected the data's 4 classes \(saw 3\)/,
  );
  assert.match(
    specError({
      problem: {
        kind: "multiclass",
        data: { kind: "points", x, y: [0, 2, 1] },
        test: { kind: "points", x: [[1, 2]], y: [3] },
      },
      steps: 1,
    }).message,
    /problem\.test\.y\[0\]: expected a class label, an integer in 0\.\.2 \(saw 3\)/,
  );
  assert.match(
    specError({ problem: { kind: "multiclass", data: { kind: "points", x, y: [0, 0, 0] } }, steps: 1 }).message,
    /at least 2 classes/,
  );
});

Deno.test("compileRun() refuses held-out sets whose width differs from the training data", () => {
  assert.match(
    specError({ problem: { ...fig1, test: { kind: "points", x: [[1, 2, 3]], y: [1] } }, steps: 1 }).message,
    /problem\.test: expected 2 features per point like the training data but found 3 \(saw 3\)/,
  );
  assert.match(
    specError({
      problem: {
        kind: "least-squares",
        data: { kind: "gaussian", n: 3, d: 5 },
        test: { kind: "gaussian", n: 3, d: 4 },
      },
      steps: 1,
    }).message,
    /problem\.test: expected 5 features/,
  );
  const ok = compileRun({ problem: { ...fig1, test: { kind: "separable", n: 30, d: 2, seed: 3 } }, steps: 1 });
  assert.equal(ok.problem.kind, "linear-classification");
});

Deno.test("RunSpecSchema validates the Wilson and Gaussian regression generators", () => {
  assert.match(
    specError({ problem: { kind: "least-squares", data: { kind: "wilson", n: 10, p: 0.4 } }, steps: 1 }).message,
    /problem\.data\.p: expected a probability p of \+1 in \(0\.5, 1\) \(saw 0\.4\)/,
  );
  const run = compileRun({ problem: { kind: "least-squares", data: { kind: "wilson", n: 10 } }, steps: 1 });
  assert.equal(run.problem.size, 53);
});

const gaussian = { kind: "gaussian", m: 10, truthRank: 2, seed: 0 };
const sensing = (problem: Record<string, unknown>) => ({
  problem: { kind: "matrix-sensing", n: 4, measurements: gaussian, ...problem },
  steps: 10,
});
const separableData = { kind: "separable", n: 5, d: 3 };

function assertSpecError(input: unknown, path: string, pattern: RegExp): void {
  assert.throws(() => parseSpec(input), (e: unknown) => {
    assert.ok(e instanceof SpecError, `expected a SpecError, got ${e}`);
    assert.equal(e.issues[0]!.path, path);
    assert.match(e.message, pattern);
    return true;
  });
}

Deno.test("parseSpec() fills matrix sensing defaults: symmetric, mean, identity init 1e-3", () => {
  const spec = parseSpec(sensing({}));
  assert.equal(spec.problem.kind, "matrix-sensing");
  if (spec.problem.kind !== "matrix-sensing") return;
  assert.equal(spec.problem.symmetric, true);
  assert.equal(spec.problem.reduction, "mean");
  assert.deepEqual(spec.problem.measurements, { ...gaussian, scale: 1, rng: "biasflow" });
  assert.deepEqual(spec.init, { kind: "identity", scale: 1e-3 });
});

Deno.test("parseSpec() gives nets a Gaussian default init and keeps an explicit one", () => {
  const net = parseSpec({ problem: { kind: "linear-net", depth: 2, data: separableData }, steps: 1 });
  assert.deepEqual(net.init, { kind: "gaussian", scale: 0.1, seed: 0 });
  const conv = parseSpec({
    problem: { kind: "linear-conv-net", depth: 2, data: separableData },
    init: { kind: "zeros" },
    steps: 1,
  });
  assert.deepEqual(conv.init, { kind: "zeros" });
  const lin = parseSpec({ problem: { kind: "linear-classification", data: separableData }, steps: 1 });
  assert.deepEqual(lin.init, { kind: "zeros" });
});

Deno.test("parseSpec() rejects more measurements than the matrix has degrees of freedom", () => {
  assertSpecError(
    sensing({ measurements: { ...gaussian, m: 11 } }),
    "problem.measurements.m",
    /at most 10 measurements.*saw 11/,
  );
  assertSpecError(
    sensing({ symmetric: false, measurements: { ...gaussian, m: 17 } }),
    "problem.measurements.m",
    /at most 16 measurements \(a general 4×4 matrix has 16 degrees of freedom\)/,
  );
  assertSpecError(
    sensing({ measurements: { kind: "diagonal", m: 5, truthRank: 1 } }),
    "problem.measurements.m",
    /at most n = 4 diagonal measurements/,
  );
  const a = Array.from({ length: 17 }, () => [[1, 0], [0, 1]]);
  assertSpecError(
    sensing({ n: 2, symmetric: false, measurements: { kind: "points", a, y: a.map(() => 1) } }),
    "problem.measurements.a",
    /at most n² = 4 sensing matrices/,
  );
});

Deno.test("parseSpec() rejects a truth rank above n and bad sizes", () => {
  assertSpecError(
    sensing({ measurements: { ...gaussian, truthRank: 5 } }),
    "problem.measurements.truthRank",
    /at most n = 4/,
  );
  assertSpecError(sensing({ n: 0 }), "problem.n", /too small|>=1/i);
  assertSpecError(sensing({ rank: 0 }), "problem.rank", /too small|>=1/i);
  assertSpecError(sensing({ measurements: { ...gaussian, scale: 0 } }), "problem.measurements.scale", /greater than 0/);
});

Deno.test("parseSpec() checks inline sensing matrices against n and the measurements", () => {
  const pts = (a: unknown, y: unknown, extra: Record<string, unknown> = {}) =>
    sensing({ n: 2, measurements: { kind: "points", a, y, ...extra } });
  assertSpecError(
    pts([[[1, 0], [0, 1]]], [1, 2]),
    "problem.measurements.y",
    /one measurement per sensing matrix \(1\).*saw 2/,
  );
  assertSpecError(pts([[[1, 0]]], [1]), "problem.measurements.a[0]", /n = 2 rows but found 1/);
  assertSpecError(pts([[[1, 0], [0, 1, 2]]], [1]), "problem.measurements.a[0][1]", /n = 2 entries but found 3/);
  assertSpecError(pts([[[1, 0], [0, 1]]], [1], { truth: [[1]] }), "problem.measurements.truth", /n = 2 rows/);
  assertSpecError(pts([], []), "problem.measurements.a", /at least one measurement/);
});

Deno.test("parseSpec() rejects non-symmetric sensing matrices for symmetric sensing, naming the entries", () => {
  const bad = sensing({ n: 2, measurements: { kind: "points", a: [[[1, 0], [0, 1]], [[0, 1], [2, 0]]], y: [1, 1] } });
  assertSpecError(
    bad,
    "problem.measurements.a[1][0][1]",
    /symmetric a\[1\] for symmetric sensing.*a\[1\]\[0\]\[1\] = 1.*= 2.*saw \[1,2\]/,
  );
  const ok = parseSpec({ ...bad, problem: { ...bad.problem, symmetric: false } });
  assert.equal(ok.problem.kind, "matrix-sensing");
});

Deno.test("parseSpec() checks linear net depth and widths", () => {
  const net = (extra: Record<string, unknown>) => ({
    problem: { kind: "linear-net", data: separableData, ...extra },
    steps: 1,
  });
  assertSpecError(net({ depth: 3, width: [4] }), "problem.width", /depth − 1 = 2 hidden widths but found 1/);
  assertSpecError(net({ depth: 0 }), "problem.depth", /too small|>=1/i);
  assertSpecError(net({ depth: 2, width: 0 }), "problem.width", /./);
  assertSpecError(
    { problem: { kind: "linear-conv-net", depth: 1.5, data: separableData }, steps: 1 },
    "problem.depth",
    /expected int/,
  );
  assert.equal(parseSpec(net({ depth: 3, width: [4, 2] })).problem.kind, "linear-net");
});

Deno.test("parseSpec() accepts the identity init and names unknown measurement kinds", () => {
  assert.deepEqual(parseSpec({ ...sensing({}), init: { kind: "identity" } }).init, { kind: "identity", scale: 1e-3 });
  assertSpecError(
    sensing({ measurements: { kind: "phase", m: 3 } }),
    "problem.measurements.kind",
    /unknown kind.*"points"/i,
  );
});

Deno.test("RunSpecSchema refuses generated data over 2²⁷ values, naming n and the product", () => {
  for (
    const problem of [
      { kind: "linear-classification", data: { kind: "separable", n: 1e9, d: 1000 } },
      { kind: "least-squares", data: { kind: "gaussian", n: 1e6, d: 1e6 } },
      { kind: "multiclass", data: { kind: "separable", n: 1e6, d: 1e6, classes: 3 } },
    ]
  ) {
    assert.throws(
      () => parseSpec({ problem, steps: 1 }),
      /at problem\.data\.n: expected at most 134217728 values \(n × d\) in generated data but n × d = 1000000000000/,
    );
  }
  assert.doesNotThrow(() =>
    parseSpec({ problem: { kind: "linear-classification", data: { kind: "separable", n: 2 ** 20, d: 128 } }, steps: 1 })
  );
});
