import assert from "node:assert/strict";
import { parseSpec } from "../../src/run/spec_parser.ts";
import { SpecError } from "../../src/spec/spec_error.ts";
import { setAtPath } from "../../src/spec/set_at_path.ts";

const base = {
  problem: { kind: "linear-classification", data: { kind: "points", x: [[0.5, 1.5], [1.5, 0.5]], y: [1, 1] } },
  steps: 1000,
};

function message(input: unknown): string {
  try {
    parseSpec(input);
  } catch (e) {
    assert.ok(e instanceof SpecError, `expected a SpecError but got ${e}`);
    return e.message;
  }
  assert.fail("expected parseSpec() to throw");
}

Deno.test("parseSpec() fills in the documented defaults", () => {
  const spec = parseSpec(base);
  assert.equal(spec.problem.kind === "linear-classification" && spec.problem.loss, "logistic");
  assert.equal(spec.problem.reduction, "sum");
  assert.deepEqual(spec.optimizer, { kind: "gd", lr: 0.1, momentum: 0, nesterov: false });
  assert.deepEqual(spec.init, { kind: "zeros" });
  assert.deepEqual(spec.record, { perDecade: 20, everyMs: 1000 });
  assert.equal(spec.backend, "auto");
});

Deno.test("parseSpec() accepts the issue's example spec verbatim", () => {
  const spec = parseSpec({
    name: "optional",
    problem: {
      kind: "linear-classification",
      loss: "logistic",
      reduction: "sum",
      data: { kind: "points", x: [[0.5, 1.5], [1.5, 0.5]], y: [1, 1] },
    },
    optimizer: { kind: "gd", lr: 0.1, momentum: 0 },
    init: { kind: "zeros" },
    steps: 1000000,
    record: { perDecade: 20, everyMs: 1000 },
    backend: "cpu",
  });
  assert.equal(spec.steps, 1e6);
  for (const init of [{ kind: "gaussian", scale: 0.001, seed: 0 }, { kind: "values", values: [1, 2] }]) {
    assert.deepEqual(parseSpec({ ...base, init }).init, init);
  }
});

Deno.test("parseSpec() names the field and the value seen for each kind of bad input", () => {
  const cases: [unknown, RegExp][] = [
    [{ ...base, steps: 0 }, /at steps: expected at least 1 step \(saw 0\)/],
    [{ ...base, steps: -5 }, /at steps: .*\(saw -5\)/],
    [{ ...base, steps: 2.5 }, /at steps: expected an integer number of steps \(saw 2\.5\)/],
    [{ ...base, steps: "10" }, /at steps: expected number, received string \(saw "10"\)/],
    [setAtPath(base, "problem.data.y", [1, 0]), /at problem\.data\.y\[1\]: expected a label of -1 or 1 \(saw 0\)/],
    [setAtPath(base, "problem.data.x", [[1, 2], [3]]), /at problem\.data\.x\[1\]: .*ragged.*\(saw \[3\]\)/],
    [setAtPath(base, "problem.data.x", []), /at problem\.data\.x: expected at least one point \(n = 0\)/],
    [setAtPath(base, "problem.data.y", [1]), /at problem\.data\.y: expected one label per point/],
    [setAtPath(base, "problem.data.x[0][1]", "a"), /at problem\.data\.x\[0\]\[1\]: expected number/],
    [setAtPath(base, "optimizer", { kind: "lbfgs" }), /at optimizer\.kind: unknown kind; .*"gd".*\(saw "lbfgs"\)/],
    [setAtPath(base, "problem.kind", "svm"), /at problem\.kind: unknown kind.*\(saw "svm"\)/],
    [setAtPath(base, "problem.data.kind", "parquet"), /at problem\.data\.kind: unknown kind.*\(saw "parquet"\)/],
    [setAtPath(base, "optimizer", { kind: "gd", lr: -1 }), /at optimizer\.lr: expected a number greater than 0/],
    [setAtPath(base, "optimizer", { kind: "gd", momentun: 0.9 }), /at optimizer: unknown field momentun/],
    [setAtPath(base, "optimizer", { kind: "gd", nesterov: true }), /at optimizer\.nesterov: nesterov needs/],
    [setAtPath(base, "optimizer", { lr: 0.1 }), /at optimizer\.kind: missing kind; expected one of "gd"/],
    [setAtPath(base, "backend", "cuda"), /at backend: .*"auto".*\(saw "cuda"\)/],
    [
      setAtPath(base, "problem.data", { kind: "separable", n: 10, d: 2, margin: 5 }),
      /at problem\.data\.margin: expected a margin in \[0, 3\] \(saw 5\)/,
    ],
    [{ ...base, problem: undefined }, /at problem: /],
  ];
  for (const [input, re] of cases) assert.match(message(input), re);
});

Deno.test("parseSpec() error messages are one line and count further issues", () => {
  const msg = message({ ...base, steps: 0, backend: "x" });
  assert.ok(!msg.includes("\n"));
  assert.match(msg, /; and 1 more issue$/);
  try {
    parseSpec({ ...base, steps: 0, backend: "x" });
  } catch (e) {
    assert.deepEqual((e as SpecError).issues.map((i) => i.path), ["steps", "backend"]);
  }
});
