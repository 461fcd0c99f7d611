import { openBlasGemm } from "../../../src/problems/mlp/openblas_gemm.ts";
import { checkGemm } from "./_check_gemm.ts";

const gemm = openBlasGemm();

Deno.test({
  name: "openBlasGemm computes A·Bᵀ, Aᵀ·B and A·B like naive loops (skipped where libopenblas0 is absent)",
  ignore: gemm === null && Deno.env.get("CI") !== "true",
  fn() {
    if (gemm === null) throw new Error("libopenblas.so.0 is not installed; .ci/run installs libopenblas0");
    checkGemm(gemm);
  },
});
