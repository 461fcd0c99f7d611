import assert from "node:assert/strict";
import { LogThinner } from "../../src/client/_log_thinner.ts";
import { logSchedule } from "../../src/streams/log_schedule.ts";

Deno.test("LogThinner keeps the steps of logSchedule (as internal runs record them), heartbeats in between", () => {
  for (const perDecade of [1, 7, 20, 50]) {
    const t = new LogThinner(perDecade, 0);
    const kept = Array.from({ length: 20_000 }, (_, s) => s).filter((s) => t.keep(s, 0) !== null);
    assert.deepEqual(kept, logSchedule(20_000, perDecade).slice(0, -1), `perDecade ${perDecade}`);
  }
  const sparse = new LogThinner(1, 0);
  assert.deepEqual([0, 7, 14, 105, 1001].filter((s) => sparse.keep(s, 0) !== null), [0, 7, 14, 105, 1001]);
  const beat = new LogThinner(1, 1000);
  const got = [2, 3, 4, 5, 6, 7, 8, 9, 10].map((s) => beat.keep(s, 300 * s));
  assert.deepEqual(got, ["schedule", null, null, null, "heartbeat", null, null, null, "schedule"]);
  assert.throws(() => new LogThinner(0, 0), RangeError);
});
