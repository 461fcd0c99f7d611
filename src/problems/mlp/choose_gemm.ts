import type { Gemm } from "./gemm.ts";
import { openBlasGemm } from "./openblas_gemm.ts";
import { tsGemm } from "./ts_gemm.ts";

/** Which matrix products to use: measured (`auto`), or forced. */
export type GemmChoice = "auto" | "ts" | "openblas";

let chosen: Gemm | null = null;

/**
 * The matrix products `mlp` problems run on. `auto` (the default; the
 * environment variable `BIASFLOW_GEMM=ts|openblas` overrides it) loads
 * OpenBLAS through FFI if it can, then times both on a forward and backward
 * pass of a 64-example batch through a 100 → 512 layer and keeps the faster,
 * once per process. `openblas` falls back to TypeScript where the library is
 * absent.
 *
 * @param choice `auto`, `ts` or `openblas`.
 * @returns The products.
 *
 * @example Usage
 * ```ts
 * import { chooseGemm } from "./choose_gemm.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(chooseGemm("ts").name, "ts");
 * ```
 */
export function chooseGemm(choice: GemmChoice = "auto"): Gemm {
  let want: string = choice;
  if (choice === "auto") {
    try {
      want = Deno.env.get("BIASFLOW_GEMM") ?? "auto";
    } catch {
      want = "auto"; // no permission to read the environment
    }
  }
  if (want === "ts") return tsGemm;
  if (want === "openblas") return openBlasGemm() ?? tsGemm;
  chosen ??= measure();
  return chosen;
}

function measure(): Gemm {
  const blas = openBlasGemm();
  if (blas === null) return tsGemm;
  const m = 64, n = 512, k = 100;
  const a = new Float64Array(m * k).map((_, i) => Math.sin(i)), w = new Float64Array(n * k).map((_, i) => Math.cos(i));
  const z = new Float64Array(m * n), g = new Float64Array(n * k), back = new Float64Array(m * k);
  const time = (gemm: Gemm) => {
    let best = Infinity;
    for (let r = 0; r < 5; r++) {
      const t0 = performance.now();
      gemm.nt(m, n, k, a, 0, w, 0, z, 0, false);
      gemm.tn(n, k, m, z, 0, a, 0, g, 0, false);
      gemm.nn(m, k, n, z, 0, w, 0, back, 0);
      best = Math.min(best, performance.now() - t0);
    }
    return best;
  };
  time(tsGemm); // warm the JIT before timing
  return time(blas) < time(tsGemm) ? blas : tsGemm;
}
