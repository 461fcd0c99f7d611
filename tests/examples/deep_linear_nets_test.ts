import assert from "node:assert/strict";
import { runExample } from "./_run_example.ts";

Deno.test("examples/deep_linear_nets.ts prints the angle gap of depths 1 to 4 decade by decade", async () => {
  const { code, stdout, stderr } = await runExample("deep_linear_nets.ts", ["10000"]);
  assert.equal(code, 0, stderr);
  assert.match(stdout, /L2 max margin: 0\.2439/);
  assert.match(stdout, /step\s+L = 1\s+L = 2\s+L = 3\s+L = 4/);
  const last = stdout.trim().split("\n").at(-1)!.trim().split(/\s+/).map(Number);
  assert.equal(last[0], 10_000);
  assert.ok(last.slice(1).every((gap) => gap > 0 && gap < 5e-3), `gaps ${last.slice(1)}`);
});
