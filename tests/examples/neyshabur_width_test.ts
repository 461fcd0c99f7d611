import assert from "node:assert/strict";
import { runExample } from "./_run_example.ts";

Deno.test("examples/neyshabur_width.ts prints width → epochs, train error, test error, path norm, ‖θ‖", async () => {
  const { code, stdout, stderr } = await runExample("neyshabur_width.ts", ["500", "3", "4,32"]);
  assert.equal(code, 0, stderr);
  const rows = stdout.trim().split("\n").slice(-2).map((l) => l.trim().split(/\s+/).map(Number));
  assert.deepEqual(rows.map((r) => r[0]), [4, 32]);
  for (const r of rows) {
    assert.equal(r.length, 7);
    assert.ok(r[1]! >= 1 && r[1]! <= 3, `epochs within the cap of 3: ${r}`);
    assert.ok(r.slice(2, 4).every((e) => e >= 0 && e <= 1), `errors in [0, 1]: ${r}`);
    assert.ok(r[4]! > 0 && r[5]! > 0);
  }
});
