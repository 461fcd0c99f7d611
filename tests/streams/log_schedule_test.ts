import assert from "node:assert/strict";
import { logSchedule } from "../../src/streams/log_schedule.ts";

Deno.test("logSchedule() starts at 0, ends at the last step and is log-spaced between", () => {
  const s = logSchedule(1_000_000, 20);
  assert.equal(s[0], 0);
  assert.equal(s[s.length - 1], 1_000_000);
  for (let i = 1; i < s.length; i++) assert.ok(s[i]! > s[i - 1]!, "strictly increasing");
  // 20 per decade: exactly 20 points in [10⁵, 10⁶).
  assert.equal(s.filter((t) => t >= 1e5 && t < 1e6).length, 20);
  // Every 10^(k/20) is present, rounded.
  assert.ok(s.includes(Math.round(10 ** (101 / 20))));
});

Deno.test("logSchedule() handles tiny runs and non-decade ends", () => {
  assert.deepEqual(logSchedule(1, 20), [0, 1]);
  assert.deepEqual(logSchedule(5, 1), [0, 1, 5]);
  assert.deepEqual(logSchedule(150, 1), [0, 1, 10, 100, 150]);
});

Deno.test("logSchedule() rejects bad arguments", () => {
  assert.throws(() => logSchedule(0, 20), RangeError, "steps must be a positive integer but was 0");
  assert.throws(() => logSchedule(10, 0), RangeError, "perDecade must be a positive integer but was 0");
});
