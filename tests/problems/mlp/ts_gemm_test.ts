import { tsGemm } from "../../../src/problems/mlp/ts_gemm.ts";
import { checkGemm } from "./_check_gemm.ts";

Deno.test("tsGemm computes A·Bᵀ, Aᵀ·B and A·B like naive loops, leaving the rest of C alone", () => {
  checkGemm(tsGemm);
});
