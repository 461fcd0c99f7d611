import assert from "node:assert/strict";
import { runExample } from "./_run_example.ts";

Deno.test("examples/wilson_adaptive.ts prints test error 1 − p̂ for adaptive methods and 0 for GD/SGD", async () => {
  const { code, stdout, stderr } = await runExample("wilson_adaptive.ts", ["20000"]);
  assert.equal(code, 0, stderr);
  const negatives = Number(/([\d.]+)% negative/.exec(stdout)![1]) / 100;
  const error = (name: string) => Number(stdout.split("\n").find((l) => l.startsWith(name))!.trim().split(/\s+/)[2]);
  for (const name of ["wilson-adagrad", "wilson-rmsprop", "wilson-adam"]) {
    assert.ok(Math.abs(error(name) - negatives) < 1e-3, `${name}: ${error(name)} vs ${negatives}`);
  }
  for (const name of ["wilson-gd", "wilson-sgd"]) assert.equal(error(name), 0, name);
});
