import assert from "node:assert/strict";
import { compileRun } from "../../src/run/compile_run.ts";
import { createEngine } from "../../src/backend/create_engine.ts";

const fig1 = { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } };

Deno.test("createEngine() gives the CPU engine for backend cpu and auto", async () => {
  for (const backend of ["cpu", "auto"]) {
    const engine = await createEngine(compileRun({ problem: fig1, steps: 5, backend }));
    assert.equal(engine.backend, "cpu");
    engine.dispose();
  }
});
