import assert from "node:assert/strict";
import { fuzzServer } from "./_fuzz_server.ts";

// The CI-sized fuzz session (issue 15): 300 generated requests against a server process on loopback, within
// 30 s. `deno task fuzz` runs 10,000. Set BIASFLOW_FUZZ_SEED to explore other cases.
Deno.test("the server answers 300 fuzzed requests with no 5xx, no hang, no crash, { error, issues } on every 4xx", async () => {
  const seed = Number(Deno.env.get("BIASFLOW_FUZZ_SEED") ?? 42);
  const report = await fuzzServer({ cases: 300, seed, concurrency: 4, timeoutMs: 10_000, budgetMs: 30_000 });
  const detail = `seed ${seed}: ${JSON.stringify(report.failures, null, 2)}`;
  assert.ok(report.cases >= 100, `only ${report.cases} cases ran in the time budget`);
  assert.equal(report.serverErrors, 0, detail);
  assert.equal(report.badErrorBodies, 0, detail);
  assert.equal(report.hangs, 0, detail);
  assert.equal(report.crashed, false, detail);
  assert.deepEqual(report.strayWrites, [], "nothing is written beside the runs directory");
  assert.ok(report.rssPeakMiB < 1024, `server RSS peaked at ${report.rssPeakMiB} MiB`);
  // The suite reaches past validation: some runs start, some requests are refused for each reason.
  assert.ok(report.runsStarted > 0 && (report.statuses["400"] ?? 0) > 0 && (report.statuses["415"] ?? 0) > 0);
});
