import assert from "node:assert/strict";
import { chooseGemm } from "../../../src/problems/mlp/choose_gemm.ts";
import { openBlasGemm } from "../../../src/problems/mlp/openblas_gemm.ts";

Deno.test("chooseGemm() forces TypeScript or OpenBLAS, and measures between them by default", () => {
  assert.equal(chooseGemm("ts").name, "ts");
  const blas = openBlasGemm();
  assert.equal(chooseGemm("openblas").name, blas === null ? "ts" : "openblas");
  const auto = chooseGemm();
  assert.ok(["ts", "openblas"].includes(auto.name));
  assert.equal(chooseGemm(), auto, "measured once per process");
  if (blas === null) assert.equal(auto.name, "ts");
});

Deno.test("openBlasGemm() returns null when the library cannot be loaded", () => {
  assert.equal(openBlasGemm({ path: "libno-such-blas.so.0" }), null);
});
