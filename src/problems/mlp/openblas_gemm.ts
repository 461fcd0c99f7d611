import type { Gemm } from "./gemm.ts";
import { tsGemm } from "./ts_gemm.ts";

const ROW_MAJOR = 101, NO_TRANS = 111, TRANS = 112;
/** Below this many multiply-adds a product stays in TypeScript: the FFI call costs more than it saves. */
const MIN_WORK = 16_384;
/** BLAS only sees arrays of at least this many entries (V8 may move smaller, on-heap ones during a call). */
const MIN_LENGTH = 64;
/**
 * Below this many multiply-adds a product runs on one OpenBLAS thread: splitting a batch-64 layer of a narrow net
 * (e.g. 64×64×100) costs more in hand-offs than it saves (measured with Debian's OpenBLAS 0.3.21 on two cores:
 * width 64 trained slower on two threads than on one), while 64×1024×100 runs 1.9× faster on two.
 */
const PARALLEL_WORK = 1 << 20;

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
 * `threads` here) for products of at least 2²⁰ multiply-adds and one thread
 * below; sums run in its blocked order, so results differ from
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
  // OpenBLAS's thread count is process-wide: read it once (OPENBLAS_NUM_THREADS or `threads`), then lower it to one
  // for small products and restore it for large ones (a store to a variable in OpenBLAS, not a thread start).
  const most = Math.max(1, lib.symbols.openblas_get_num_threads());
  const threadsFor = (work: number) => {
    const want = work >= PARALLEL_WORK ? most : 1;
    if (lib.symbols.openblas_get_num_threads() !== want) lib.symbols.openblas_set_num_threads(want);
  };
  const ptr = (a: Float64Array, off: number) => Deno.UnsafePointer.offset(Deno.UnsafePointer.of(a)!, off * 8);
  const big = (m: number, n: number, k: number, a: Float64Array, b: Float64Array, c: Float64Array) =>
    m * n * k >= MIN_WORK && a.length >= MIN_LENGTH && b.length >= MIN_LENGTH && c.length >= MIN_LENGTH;
  return {
    name: "openblas",
    nt(m, n, k, a, ao, b, bo, c, co, accumulate) {
      if (!big(m, n, k, a, b, c)) return tsGemm.nt(m, n, k, a, ao, b, bo, c, co, accumulate);
      threadsFor(m * n * k);
      dgemm(ROW_MAJOR, NO_TRANS, TRANS, m, n, k, 1, ptr(a, ao), k, ptr(b, bo), k, accumulate ? 1 : 0, ptr(c, co), n);
    },
    tn(m, n, k, a, ao, b, bo, c, co, accumulate, alpha = 1) {
      if (!big(m, n, k, a, b, c)) return tsGemm.tn(m, n, k, a, ao, b, bo, c, co, accumulate, alpha);
      threadsFor(m * n * k);
      dgemm(
        ROW_MAJOR,
        TRANS,
        NO_TRANS,
        m,
        n,
        k,
        alpha,
        ptr(a, ao),
        m,
        ptr(b, bo),
        n,
        accumulate ? 1 : 0,
        ptr(c, co),
        n,
      );
    },
    nn(m, n, k, a, ao, b, bo, c, co) {
      if (!big(m, n, k, a, b, c)) return tsGemm.nn(m, n, k, a, ao, b, bo, c, co);
      threadsFor(m * n * k);
      dgemm(ROW_MAJOR, NO_TRANS, NO_TRANS, m, n, k, 1, ptr(a, ao), k, ptr(b, bo), n, 0, ptr(c, co), n);
    },
  };
}
