import assert from "node:assert/strict";
import { runExample } from "./_run_example.ts";

Deno.test("examples/least_squares_limits.ts prints step-size-free limits for GD and mirror, spread ones otherwise", async () => {
  const { code, stdout, stderr } = await runExample("least_squares_limits.ts", ["20000"]);
  assert.equal(code, 0, stderr);
  const spreads = [...stdout.matchAll(/^(lsq-[\w.-]+):[\s\S]*?largest distance between limits: ([\d.e+-]+)/gm)].map((
    m,
  ) => [m[1]!, Number(m[2])] as const);
  assert.equal(spreads.length, 6);
  for (const [name, spread] of spreads) {
    if (["lsq-gd", "lsq-momentum", "lsq-mirror-1.5"].includes(name)) assert.ok(spread < 1e-8, `${name}: ${spread}`);
    else assert.ok(spread > 1e-3, `${name}: ${spread}`);
  }
  assert.match(stdout, /lsq-gd: predicted \(\s+0\.333333,\s+4\.833333,\s+-4\.166667\)/);
});
