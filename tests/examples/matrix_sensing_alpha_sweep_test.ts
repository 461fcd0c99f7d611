import assert from "node:assert/strict";
import { runExample } from "./_run_example.ts";

Deno.test("examples/matrix_sensing_alpha_sweep.ts prints the nuclear norm against the paper's for each α", async () => {
  const { code, stdout, stderr } = await runExample("matrix_sensing_alpha_sweep.ts", ["300", "0.1,0.001"]);
  assert.equal(code, 0, stderr);
  assert.match(stdout, /min nuclear norm \(reference\): 1\.0000/);
  const rows = [...stdout.matchAll(/^(1e-\d)\s+([\d.]+)\s+\(([\d.]+)\)/gm)].map((
    m,
  ) => [m[1], Number(m[2]), Number(m[3])]);
  assert.deepEqual(rows.map((r) => [r[0], r[2]]), [["1e-1", 2.4], ["1e-3", 1.05]]);
  assert.ok((rows[0]![1] as number) > (rows[1]![1] as number), "‖X‖_* falls with α");
  assert.match(stdout, /300 steps per run/);
});
