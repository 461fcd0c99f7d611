import type { Gemm } from "./gemm.ts";

// Rows of B (forward), of C (weight gradients) and of B (backward) per cache block:
// 64–128 rows of a 100-wide matrix is 50–100 KiB, resident in L2.
const NT_BLOCK = 64;
const TN_BLOCK = 128;
const NN_BLOCK = 128;

/**
 * Matrix products in plain TypeScript: 2×4 register blocks for C = A·Bᵀ
 * (dot products of contiguous rows), four-row axpys for Aᵀ·B and A·B, each
 * blocked so that the reused operand stays in cache. Sums run in a fixed
 * order, so results are deterministic. Zero coefficients (ReLU's inactive
 * units) are skipped in the axpy forms.
 *
 * @example Usage
 * ```ts
 * import { tsGemm } from "./ts_gemm.ts";
 * import assert from "node:assert/strict";
 *
 * const a = new Float64Array([1, 2, 3, 4]); // 2×2
 * const c = new Float64Array(4);
 * tsGemm.nt(2, 2, 2, a, 0, a, 0, c, 0, false); // A·Aᵀ
 * assert.deepEqual(Array.from(c), [5, 11, 11, 25]);
 * ```
 */
export const tsGemm: Gemm = {
  name: "ts",
  nt(m, n, k, a, ao, b, bo, c, co, accumulate) {
    for (let jb = 0; jb < n; jb += NT_BLOCK) {
      const je = Math.min(n, jb + NT_BLOCK);
      let i = 0;
      for (; i + 1 < m; i += 2) {
        const a0 = ao + i * k, a1 = a0 + k;
        let j = jb;
        for (; j + 3 < je; j += 4) {
          const b0 = bo + j * k, b1 = b0 + k, b2 = b1 + k, b3 = b2 + k;
          let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
          for (let p = 0; p < k; p++) {
            const x0 = a[a0 + p]!, x1 = a[a1 + p]!;
            const y0 = b[b0 + p]!, y1 = b[b1 + p]!, y2 = b[b2 + p]!, y3 = b[b3 + p]!;
            c00 += x0 * y0;
            c01 += x0 * y1;
            c02 += x0 * y2;
            c03 += x0 * y3;
            c10 += x1 * y0;
            c11 += x1 * y1;
            c12 += x1 * y2;
            c13 += x1 * y3;
          }
          const r0 = co + i * n + j, r1 = r0 + n;
          if (accumulate) {
            c[r0] = c[r0]! + c00;
            c[r0 + 1] = c[r0 + 1]! + c01;
            c[r0 + 2] = c[r0 + 2]! + c02;
            c[r0 + 3] = c[r0 + 3]! + c03;
            c[r1] = c[r1]! + c10;
            c[r1 + 1] = c[r1 + 1]! + c11;
            c[r1 + 2] = c[r1 + 2]! + c12;
            c[r1 + 3] = c[r1 + 3]! + c13;
          } else {
            c[r0] = c00;
            c[r0 + 1] = c01;
            c[r0 + 2] = c02;
            c[r0 + 3] = c03;
            c[r1] = c10;
            c[r1 + 1] = c11;
            c[r1 + 2] = c12;
            c[r1 + 3] = c13;
          }
        }
        for (; j < je; j++) {
          const b0 = bo + j * k;
          let s0 = 0, s1 = 0;
          for (let p = 0; p < k; p++) {
            const y = b[b0 + p]!;
            s0 += a[a0 + p]! * y;
            s1 += a[a1 + p]! * y;
          }
          const r0 = co + i * n + j;
          c[r0] = accumulate ? c[r0]! + s0 : s0;
          c[r0 + n] = accumulate ? c[r0 + n]! + s1 : s1;
        }
      }
      for (; i < m; i++) {
        const a0 = ao + i * k;
        for (let j = jb; j < je; j++) {
          const b0 = bo + j * k;
          let s = 0;
          for (let p = 0; p < k; p++) s += a[a0 + p]! * b[b0 + p]!;
          const r = co + i * n + j;
          c[r] = accumulate ? c[r]! + s : s;
        }
      }
    }
  },
  tn(m, n, k, a, ao, b, bo, c, co, accumulate, alpha = 1) {
    if (!accumulate) c.fill(0, co, co + m * n);
    for (let ib = 0; ib < m; ib += TN_BLOCK) {
      const ie = Math.min(m, ib + TN_BLOCK);
      let p = 0;
      for (; p + 3 < k; p += 4) {
        const ar = ao + p * m, b0 = bo + p * n, b1 = b0 + n, b2 = b1 + n, b3 = b2 + n;
        for (let i = ib; i < ie; i++) {
          const g0 = alpha * a[ar + i]!, g1 = alpha * a[ar + m + i]!;
          const g2 = alpha * a[ar + 2 * m + i]!, g3 = alpha * a[ar + 3 * m + i]!;
          if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0) continue;
          const r = co + i * n;
          for (let j = 0; j < n; j++) {
            c[r + j] = c[r + j]! + (g0 * b[b0 + j]! + g1 * b[b1 + j]! + g2 * b[b2 + j]! + g3 * b[b3 + j]!);
          }
        }
      }
      for (; p < k; p++) {
        const ar = ao + p * m, b0 = bo + p * n;
        for (let i = ib; i < ie; i++) {
          const g = alpha * a[ar + i]!;
          if (g === 0) continue;
          const r = co + i * n;
          for (let j = 0; j < n; j++) c[r + j] = c[r + j]! + g * b[b0 + j]!;
        }
      }
    }
  },
  nn(m, n, k, a, ao, b, bo, c, co) {
    c.fill(0, co, co + m * n);
    for (let pb = 0; pb < k; pb += NN_BLOCK) {
      const pe = Math.min(k, pb + NN_BLOCK);
      for (let i = 0; i < m; i++) {
        const ar = ao + i * k, r = co + i * n;
        let p = pb;
        for (; p + 3 < pe; p += 4) {
          const g0 = a[ar + p]!, g1 = a[ar + p + 1]!, g2 = a[ar + p + 2]!, g3 = a[ar + p + 3]!;
          if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0) continue;
          const b0 = bo + p * n, b1 = b0 + n, b2 = b1 + n, b3 = b2 + n;
          for (let j = 0; j < n; j++) {
            c[r + j] = c[r + j]! + (g0 * b[b0 + j]! + g1 * b[b1 + j]! + g2 * b[b2 + j]! + g3 * b[b3 + j]!);
          }
        }
        for (; p < pe; p++) {
          const g = a[ar + p]!;
          if (g === 0) continue;
          const b0 = bo + p * n;
          for (let j = 0; j < n; j++) c[r + j] = c[r + j]! + g * b[b0 + j]!;
        }
      }
    }
  },
};
