import assert from "node:assert/strict";
import { runExample } from "./_run_example.ts";

Deno.test("examples/custom_operator.ts composes user operators whose growth per decade nears ‖ŵ‖ ln 10", async () => {
  const { code, stdout, stderr } = await runExample("custom_operator.ts", ["100000"]);
  assert.equal(code, 0, stderr);
  const growth = Number(/final growth per decade: ([\d.]+)/.exec(stdout)![1]);
  assert.ok(Math.abs(growth / (Math.SQRT1_2 * Math.LN10) - 1) < 0.01, `growth ${growth}`);
  assert.match(stdout, /100000\s+7\.8\d+/);
});
