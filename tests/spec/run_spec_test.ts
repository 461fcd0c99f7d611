import assert from "node:assert/strict";
import { parseSpec } from "../../src/spec/parse_spec.ts";
import { SpecError } from "../../src/spec/spec_error.ts";

const gaussian = { kind: "gaussian", m: 10, truthRank: 2, seed: 0 };
const sensing = (problem: Record<string, unknown>) => ({
  problem: { kind: "matrix-sensing", n: 4, measurements: gaussian, ...problem },
  steps: 10,
});
const separable = { kind: "separable", n: 5, d: 3 };

function specError(input: unknown, path: string, pattern: RegExp): void {
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
  const net = parseSpec({ problem: { kind: "linear-net", depth: 2, data: separable }, steps: 1 });
  assert.deepEqual(net.init, { kind: "gaussian", scale: 0.1, seed: 0 });
  const conv = parseSpec({
    problem: { kind: "linear-conv-net", depth: 2, data: separable },
    init: { kind: "zeros" },
    steps: 1,
  });
  assert.deepEqual(conv.init, { kind: "zeros" });
  const lin = parseSpec({ problem: { kind: "linear-classification", data: separable }, steps: 1 });
  assert.deepEqual(lin.init, { kind: "zeros" });
});

Deno.test("parseSpec() rejects more measurements than the matrix has degrees of freedom", () => {
  specError(
    sensing({ measurements: { ...gaussian, m: 11 } }),
    "problem.measurements.m",
    /at most 10 measurements.*saw 11/,
  );
  specError(
    sensing({ symmetric: false, measurements: { ...gaussian, m: 17 } }),
    "problem.measurements.m",
    /at most 16 measurements/,
  );
  specError(
    sensing({ measurements: { kind: "diagonal", m: 5, truthRank: 1 } }),
    "problem.measurements.m",
    /at most n = 4 diagonal measurements/,
  );
  const a = Array.from({ length: 17 }, () => [[1, 0], [0, 1]]);
  specError(
    sensing({ n: 2, symmetric: false, measurements: { kind: "points", a, y: a.map(() => 1) } }),
    "problem.measurements.a",
    /at most n² = 4 sensing matrices/,
  );
});

Deno.test("parseSpec() rejects a truth rank above n and bad sizes", () => {
  specError(
    sensing({ measurements: { ...gaussian, truthRank: 5 } }),
    "problem.measurements.truthRank",
    /at most n = 4/,
  );
  specError(sensing({ n: 0 }), "problem.n", /too small|>=1/i);
  specError(sensing({ rank: 0 }), "problem.rank", /too small|>=1/i);
  specError(sensing({ measurements: { ...gaussian, scale: 0 } }), "problem.measurements.scale", /greater than 0/);
});

Deno.test("parseSpec() checks inline sensing matrices against n and the measurements", () => {
  const pts = (a: unknown, y: unknown, extra: Record<string, unknown> = {}) =>
    sensing({ n: 2, measurements: { kind: "points", a, y, ...extra } });
  specError(
    pts([[[1, 0], [0, 1]]], [1, 2]),
    "problem.measurements.y",
    /one measurement per sensing matrix \(1\).*saw 2/,
  );
  specError(pts([[[1, 0]]], [1]), "problem.measurements.a[0]", /n = 2 rows but found 1/);
  specError(pts([[[1, 0], [0, 1, 2]]], [1]), "problem.measurements.a[0][1]", /n = 2 entries but found 3/);
  specError(pts([[[1, 0], [0, 1]]], [1], { truth: [[1]] }), "problem.measurements.truth", /n = 2 rows/);
  specError(pts([], []), "problem.measurements.a", /at least one measurement/);
});

Deno.test("parseSpec() rejects non-symmetric sensing matrices for symmetric sensing, naming the entries", () => {
  const bad = sensing({ n: 2, measurements: { kind: "points", a: [[[1, 0], [0, 1]], [[0, 1], [2, 0]]], y: [1, 1] } });
  specError(
    bad,
    "problem.measurements.a[1][0][1]",
    /symmetric a\[1\] for symmetric sensing.*a\[1\]\[0\]\[1\] = 1.*= 2.*saw \[1,2\]/,
  );
  const ok = parseSpec({ ...bad, problem: { ...bad.problem, symmetric: false } });
  assert.equal(ok.problem.kind, "matrix-sensing");
});

Deno.test("parseSpec() checks linear net depth and widths", () => {
  const net = (extra: Record<string, unknown>) => ({
    problem: { kind: "linear-net", data: separable, ...extra },
    steps: 1,
  });
  specError(net({ depth: 3, width: [4] }), "problem.width", /depth − 1 = 2 hidden widths but found 1/);
  specError(net({ depth: 0 }), "problem.depth", /too small|>=1/i);
  specError(net({ depth: 2, width: 0 }), "problem.width", /./);
  specError(
    { problem: { kind: "linear-conv-net", depth: 1.5, data: separable }, steps: 1 },
    "problem.depth",
    /expected int/,
  );
  assert.equal(parseSpec(net({ depth: 3, width: [4, 2] })).problem.kind, "linear-net");
});

Deno.test("parseSpec() accepts the identity init and names unknown measurement kinds", () => {
  assert.deepEqual(parseSpec({ ...sensing({}), init: { kind: "identity" } }).init, { kind: "identity", scale: 1e-3 });
  specError(sensing({ measurements: { kind: "phase", m: 3 } }), "problem.measurements.kind", /unknown kind.*"points"/i);
});
