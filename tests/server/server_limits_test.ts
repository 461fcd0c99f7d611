import assert from "node:assert/strict";
import { presets } from "../../src/presets/presets.ts";
import { admitRun, presetWithOverrides } from "../../src/server/_admit_run.ts";
import { DEFAULT_LIMITS, resolveLimits } from "../../src/server/server_limits.ts";

Deno.test("`DEFAULT_LIMITS` admit every preset the viewer offers", () => {
  for (const name of Object.keys(presets())) {
    assert.doesNotThrow(() => admitRun(presetWithOverrides(name), DEFAULT_LIMITS), name);
  }
});

Deno.test("`resolveLimits()` fills in defaults and names a limit that is not a positive number", () => {
  assert.deepEqual(resolveLimits({}), DEFAULT_LIMITS);
  assert.equal(resolveLimits({ maxDataSize: 10 }).maxDataSize, 10);
  assert.throws(
    () => resolveLimits({ maxSseClients: -1 }),
    { name: "RangeError", message: "Expected the limit maxSseClients to be a positive number but found -1" },
  );
});
