import assert from "node:assert/strict";
import { runExample } from "./_run_example.ts";

Deno.test("examples/path_sgd_vs_sgd.ts prints equal Path-SGD curves from both inits and different SGD ones", async () => {
  const { code, stdout, stderr } = await runExample("path_sgd_vs_sgd.ts", ["300", "16", "2"]);
  assert.equal(code, 0, stderr);
  const curve = (preset: string, init: string) =>
    stdout.split("\n").find((l) => l.startsWith(preset) && l.includes(` ${init} `))!.split(":")[1]!.trim();
  assert.equal(curve("path-sgd-mnist", "balanced"), curve("path-sgd-mnist", "unbalanced"));
  assert.notEqual(curve("sgd-mnist", "balanced"), curve("sgd-mnist", "unbalanced"));
  assert.equal(curve("sgd-mnist", "balanced").split(/\s+/).length, 2);
});
