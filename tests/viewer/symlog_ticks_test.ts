import assert from "node:assert/strict";
import { symlogTicks } from "../../src/viewer/symlog_ticks.ts";

Deno.test("symlogTicks() labels both sides of 0 by decades above the linear range, thinned to the maximum", () => {
  assert.deepEqual(symlogTicks([-0.6, 0.15], 0.001), [-0.1, -0.01, -0.001, 0, 0.001, 0.01, 0.1]);
  assert.deepEqual(symlogTicks([0.15, -0.6], 0.001), [-0.1, -0.01, -0.001, 0, 0.001, 0.01, 0.1], "either order");
  const wide = symlogTicks([-1e6, 1e6], 1e-6);
  assert.ok(wide.length <= 7, `${wide}`);
  assert.ok(wide.includes(0) && wide.includes(1e6) && wide.includes(-1e6));
  assert.deepEqual(symlogTicks([1, 1000], 0.5), [1, 10, 100, 1000], "no 0 outside the domain");
});

Deno.test("symlogTicks() falls back to the domain's ends (and 0) inside the linear range", () => {
  assert.deepEqual(symlogTicks([-0.5, 0.5], 1), [-0.5, 0, 0.5]);
  assert.deepEqual(symlogTicks([0.2, 0.4], 1), [0.2, 0.4]);
});
