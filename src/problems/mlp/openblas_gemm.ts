import type { Gemm } from "./gemm.ts";
import { tsGemm } from "./ts_gemm.ts";

const ROW_MAJOR = 101, NO_TRANS = 111, TRANS = 112;
/** Below this many multiply-adds a product stays in TypeScript: the FFI call costs more than it saves. */
const MIN_WORK = 16_384;
/** BLAS only sees arrays of at least this many entries (V8 may move smaller, on-heap ones during a call). */
const MIN_LENGTH = 64;

const SYMBOLS = {
  cblas_dgemm: {
    parameters: [
      "i32",
      "i32",
      "i32",
      "i32",
      "i32",
      "i32",
      "f64",
      "pointer",
      "i32",
      "pointer",
      "i32",
      "f64",
      "pointer",
      "i32",
    ],
    result: "void",
  },
  openblas_set_num_threads: { parameters: ["i32"], result: "void" },
  openblas_get_num_threads: { parameters: [], result: "i32" },
} as const;

/**
 * Matrix products by the machine's OpenBLAS (`cblas_dgemm`, Debian's
 * `libopenblas0`) through Deno's FFI, or null when the library cannot be
 * loaded (not installed, or FFI not permitted). Small products (under 16,384
 * multiply-adds, or on arrays under 64 entries) run in {@link tsGemm}
 * instead. OpenBLAS uses its own threads (`OPENBLAS_NUM_THREADS`, or
 * `threads` here); sums run in its blocked order, so results differ from
 * {@link tsGemm}'s in the last bits.
 *
 * @param options `path` of the shared library (default `libopenblas.so.0`), `threads` for OpenBLAS.
 * @returns The products, or null.
 *
 * @example Usage
 * ```ts
 * import { openBlasGemm } from "./openblas_gemm.ts";
 *
 * const gemm = openBlasGemm(); // null where libopenblas0 is not installed
 * console.log(gemm?.name ?? "no OpenBLAS here");
 * ```
 */
export function openBlasGemm(options: { path?: string; threads?: number } = {}): Gemm | null {
  let lib: Deno.DynamicLibrary<typeof SYMBOLS>;
  try {
    lib = Deno.dlopen(options.path ?? "libopenblas.so.0", SYMBOLS);
  } catch {
    return null;
  }
  if (options.threads !== undefined) lib.symbols.openblas_set_num_threads(options.threads);
  const dgemm = lib.symbols.cblas_dgemm;
  const ptr = (a: Float64Array, off: number) => Deno.UnsafePointer.offset(Deno.UnsafePointer.of(a)!, off * 8);
  const big = (m: number, n: number, k: number, a: Float64Array, b: Float64Array, c: Float64Array) =>
    m * n * k >= MIN_WORK && a.length >= MIN_LENGTH && b.length >= MIN_LENGTH && c.length >= MIN_LENGTH;
  return {
    name: "openblas",
    nt(m, n, k, a, ao, b, bo, c, co, accumulate) {
      if (!big(m, n, k, a, b, c)) return tsGemm.nt(m, n, k, a, ao, b, bo, c, co, accumulate);
      dgemm(ROW_MAJOR, NO_TRANS, TRANS, m, n, k, 1, ptr(a, ao), k, ptr(b, bo), k, accumulate ? 1 : 0, ptr(c, co), n);
    },
    tn(m, n, k, a, ao, b, bo, c, co, accumulate) {
      if (!big(m, n, k, a, b, c)) return tsGemm.tn(m, n, k, a, ao, b, bo, c, co, accumulate);
      dgemm(ROW_MAJOR, TRANS, NO_TRANS, m, n, k, 1, ptr(a, ao), m, ptr(b, bo), n, accumulate ? 1 : 0, ptr(c, co), n);
    },
    nn(m, n, k, a, ao, b, bo, c, co) {
      if (!big(m, n, k, a, b, c)) return tsGemm.nn(m, n, k, a, ao, b, bo, c, co);
      dgemm(ROW_MAJOR, NO_TRANS, NO_TRANS, m, n, k, 1, ptr(a, ao), k, ptr(b, bo), n, 0, ptr(c, co), n);
    },
  };
}
