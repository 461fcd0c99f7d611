import assert from "node:assert/strict";
import { initParams } from "../../src/engine/init_params.ts";
import { createRng } from "../../src/random/rng.ts";

Deno.test("initParams() gives zeros, seeded scaled Gaussians or the given values", () => {
  assert.deepEqual(Array.from(initParams({ kind: "zeros" }, 3)), [0, 0, 0]);
  const rng = createRng(5);
  const expected = [0.01 * rng.normal(), 0.01 * rng.normal()];
  assert.deepEqual(Array.from(initParams({ kind: "gaussian", scale: 0.01, seed: 5 }, 2)), expected);
  assert.deepEqual(Array.from(initParams({ kind: "values", values: [4, 5] }, 2)), [4, 5]);
});
