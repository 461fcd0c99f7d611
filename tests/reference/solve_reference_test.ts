import assert from "node:assert/strict";
import { compileRun } from "../../src/engine/compile_run.ts";
import { solveReference } from "../../src/reference/solve_reference.ts";

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
