import assert from "node:assert/strict";
import { join } from "node:path";
import { runSweep } from "../../src/cli/run_sweep.ts";
import { presetSpec } from "../../src/presets/presets.ts";
import { setAtPath } from "../../src/spec/set_at_path.ts";

Deno.test("runSweep() trains the neyshabur-width sweep: a line per run, a width table, stored runs with params.npy", async () => {
  const out = await Deno.makeTempDir();
  try {
    let spec: unknown = presetSpec("neyshabur-width");
    spec = setAtPath(spec, "problem.data.n", 300);
    spec = setAtPath(spec, "problem.test.n", 300);
    spec = setAtPath(spec, "epochs", 2);
    let stdout = "", stderr = "";
    const io = { stdout: (s: string) => stdout += s, stderr: (s: string) => stderr += s, stderrIsTerminal: false };
    const finals = await runSweep(spec, { path: "problem.widths[0]", values: [4, 32] }, { io, out, json: false });
    const lines = stderr.trim().split("\n");
    assert.equal(lines.length, 2);
    assert.match(lines[0]!, /^widths 4 \(1\/2\): done, 10 steps in .*train_error [\d.]+ {2}test_error [\d.]+/);
    const table = stdout.trim().split("\n");
    assert.match(
      table[0]!,
      /^widths\s+epoch\s+train_error\s+test_error\s+loss\s+path_norm\s+norm\s+margin_normalized\s+seconds$/,
    );
    assert.equal(table.length, 4);
    assert.match(table[3]!, /^32\s/);
    for (const [i, final] of finals.entries()) {
      assert.equal(final.status, "done");
      const dir = join(out, final.run);
      const npy = Deno.readFileSync(join(dir, "params.npy"));
      const size = [100 * 4 + 4 + 4 * 10 + 10, 100 * 32 + 32 + 32 * 10 + 10][i]!;
      assert.match(new TextDecoder().decode(npy.subarray(10, 80)), new RegExp(`'shape': \\(${size},\\)`));
      assert.equal(npy.length % 8, 0);
      assert.deepEqual(final.predictor?.shape, [size]);
      assert.deepEqual(JSON.parse(Deno.readTextFileSync(join(dir, "spec.json"))).problem.widths, [[4, 32][i]]);
    }
  } finally {
    await Deno.remove(out, { recursive: true });
  }
});

Deno.test("runSweep() compiles every value first: a bad one writes nothing", async () => {
  const out = await Deno.makeTempDir();
  try {
    const io = { stdout() {}, stderr() {}, stderrIsTerminal: false };
    await assert.rejects(
      runSweep(presetSpec("neyshabur-width"), { path: "problem.widths[0]", values: [4, 0] }, { io, out, json: false }),
      /at problem\.widths\[0\]: expected a width ≥ 1 \(saw 0\)/,
    );
    assert.deepEqual([...Deno.readDirSync(out)], []);
  } finally {
    await Deno.remove(out, { recursive: true });
  }
});
