import assert from "node:assert/strict";
import { runExample } from "./_run_example.ts";

Deno.test("examples/nacson_normalized_gd.ts prints normalized GD pulling away from GD at slope −1", async () => {
  const { code, stdout, stderr } = await runExample("nacson_normalized_gd.ts", ["10000"]);
  assert.equal(code, 0, stderr);
  const row = stdout.split("\n").find((l) => /^\s+10000\s/.test(l))!.trim().split(/\s+/);
  assert.ok(Number(row[3]) >= 10, `GD / NGD at 10⁴: ${row[3]}`);
  const slope = Number(/over the last decade: (-?[\d.]+)/.exec(stdout)![1]);
  assert.ok(Math.abs(slope + 1) < 0.2, `slope ${slope}`);
});
