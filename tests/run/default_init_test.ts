import assert from "node:assert/strict";
import { defaultInit } from "../../src/run/default_init.ts";

Deno.test("defaultInit() starts linear models at zero and factorized problems off the saddle at zero", () => {
  assert.deepEqual(defaultInit({ kind: "linear-classification" }), { kind: "zeros" });
  assert.deepEqual(defaultInit({ kind: "matrix-sensing" }), { kind: "identity", scale: 1e-3 });
  assert.deepEqual(defaultInit({ kind: "linear-net" }), { kind: "gaussian", scale: 0.1, seed: 0 });
  assert.deepEqual(defaultInit({ kind: "linear-conv-net" }), { kind: "gaussian", scale: 0.1, seed: 0 });
});
