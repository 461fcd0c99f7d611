import type { Gemm } from "../../../src/problems/mlp/gemm.ts";
import { createRng } from "../../../src/random/rng.ts";
import { assertAllClose } from "../../_assert_close.ts";

/** Checks a Gemm's three products against naive triple loops, on odd sizes, with offsets and zeros. */
export function checkGemm(gemm: Gemm): void {
  const rng = createRng(5);
  const rand = (len: number) => Float64Array.from({ length: len }, () => (rng.uniform() < 0.3 ? 0 : rng.normal()));
  for (const [m, n, k] of [[1, 1, 1], [3, 5, 7], [2, 4, 4], [9, 130, 67], [65, 3, 129]] as const) {
    const ao = 3, bo = 5, co = 2;
    const a = rand(ao + m * k), b = rand(bo + n * k), c0 = rand(co + m * n);
    // nt: C = A·Bᵀ (and += with accumulate)
    for (const acc of [false, true]) {
      const c = c0.slice();
      gemm.nt(m, n, k, a, ao, b, bo, c, co, acc);
      const want = c0.slice();
      for (let i = 0; i < m; i++) {
        for (let j = 0; j < n; j++) {
          let s = 0;
          for (let p = 0; p < k; p++) s += a[ao + i * k + p]! * b[bo + j * k + p]!;
          want[co + i * n + j] = (acc ? c0[co + i * n + j]! : 0) + s;
        }
      }
      assertAllClose(c, want, { rtol: 1e-12, atol: 1e-12 }, `${gemm.name} nt ${m}×${n}×${k} acc ${acc}`);
    }
    // tn: C (m×n) (+)= Aᵀ·B with A k×m, B k×n
    for (const acc of [false, true]) {
      const at = rand(ao + k * m), bt = rand(bo + k * n), c = c0.slice();
      gemm.tn(m, n, k, at, ao, bt, bo, c, co, acc);
      const want = c0.slice();
      for (let i = 0; i < m; i++) {
        for (let j = 0; j < n; j++) {
          let s = 0;
          for (let p = 0; p < k; p++) s += at[ao + p * m + i]! * bt[bo + p * n + j]!;
          want[co + i * n + j] = (acc ? c0[co + i * n + j]! : 0) + s;
        }
      }
      assertAllClose(c, want, { rtol: 1e-12, atol: 1e-12 }, `${gemm.name} tn ${m}×${n}×${k} acc ${acc}`);
    }
    // nn: C = A (m×k)·B (k×n)
    {
      const bn = rand(bo + k * n), c = c0.slice();
      gemm.nn(m, n, k, a, ao, bn, bo, c, co);
      const want = c0.slice();
      for (let i = 0; i < m; i++) {
        for (let j = 0; j < n; j++) {
          let s = 0;
          for (let p = 0; p < k; p++) s += a[ao + i * k + p]! * bn[bo + p * n + j]!;
          want[co + i * n + j] = s;
        }
      }
      assertAllClose(c, want, { rtol: 1e-12, atol: 1e-12 }, `${gemm.name} nn ${m}×${n}×${k}`);
    }
  }
}
