import assert from "node:assert/strict";
import { runExample } from "./_run_example.ts";

Deno.test("examples/soudry_fig1.ts prints the log-time table converging to t·L → ‖ŵ‖²/η", async () => {
  const { code, stdout, stderr } = await runExample("soudry_fig1.ts", ["100000"]);
  assert.equal(code, 0, stderr);
  assert.match(stdout, /max-margin ŵ = \(0\.4999\d*, 0\.5000\d*\)/);
  const predicted = Number(/‖ŵ‖²\/η = ([\d.]+)/.exec(stdout)![1]);
  const last = stdout.trim().split("\n").filter((l) => /^\s+100000\s/.test(l))[0]!.trim().split(/\s+/);
  assert.ok(Math.abs(Number(last[3]) / predicted - 1) < 0.002, `t·L ${last[3]} vs ${predicted}`);
  assert.match(stdout, /after 100000 steps: cos\(w, ŵ\) = 0\.99999/);
});
