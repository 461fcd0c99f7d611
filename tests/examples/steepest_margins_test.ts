import assert from "node:assert/strict";
import { runExample } from "./_run_example.ts";

Deno.test("examples/steepest_margins.ts prints each method largest in its own norm", async () => {
  const { code, stdout, stderr } = await runExample("steepest_margins.ts", ["30000"]);
  assert.equal(code, 0, stderr);
  const rows = ["l1", "l2", "linf"].map((m) =>
    stdout.split("\n").find((l) => l.startsWith(`steepest ${m} `))!.trim().split(/\s+/).slice(2).map(Number)
  );
  rows.forEach((row, k) => {
    row.forEach((v, j) => {
      if (j !== k) assert.ok(rows[k]![k]! > v && rows[k]![k]! > rows[j]![k]!, `row ${k}: ${row}`);
    });
    assert.ok(row[k]! > 0.85 && row[k]! <= 1, `own-norm ratio ${row[k]}`);
  });
  assert.match(stdout, /cos\(W, Ŵ_SVM\) = 0\.9\d+/);
});
