import assert from "node:assert/strict";
import { compileRun, isCompiledRun } from "../../src/run/compile_run.ts";
import { SpecError } from "../../src/spec/spec_error.ts";

const fig1 = { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } };

Deno.test("compileRun() validates, builds the problem and draws the init", () => {
  const run = compileRun({ problem: fig1, init: { kind: "gaussian", scale: 0.1, seed: 3 }, steps: 5 });
  assert.equal(run.problem.size, 2);
  assert.equal(run.init.length, 2);
  assert.ok(run.init.some((v) => v !== 0));
  assert.equal(compileRun(run), run);
  assert.ok(isCompiledRun(run));
  assert.ok(!isCompiledRun(run.spec));
});

Deno.test("compileRun() warns when GD's step exceeds the smoothness bound, without refusing", () => {
  assert.equal(compileRun({ problem: fig1, optimizer: { kind: "gd", lr: 0.01 }, steps: 5 }).warnings.length, 0);
  const run = compileRun({ problem: fig1, optimizer: { kind: "gd", lr: 0.0849 }, steps: 5 });
  assert.equal(run.warnings.length, 1);
  assert.match(run.warnings[0]!, /exceeds the classical stability bound 2\(1 - momentum\)\/L = 0\.05763/);
});

Deno.test("compileRun() rejects init values of the wrong length as a SpecError", () => {
  assert.throws(
    () => compileRun({ problem: fig1, init: { kind: "values", values: [1, 2, 3] }, steps: 5 }),
    (e: unknown) => e instanceof SpecError && e.message.includes("init.values: expected 2 values"),
  );
});
