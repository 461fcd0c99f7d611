/**
 * The three row-major float64 matrix products a dense network's forward and
 * backward passes need, with offsets into flat arrays so that no call
 * allocates. Every matrix is contiguous (its leading dimension is its row
 * length).
 */
export interface Gemm {
  /** Where the products run: `"ts"` (register-blocked TypeScript) or `"openblas"` (cblas_dgemm through FFI). */
  readonly name: string;
  /**
   * C (m×n) = A (m×k) · Bᵀ, B being n×k; with `accumulate`, C += A · Bᵀ.
   * A dense layer's forward pass: Z = A_prev · Wᵀ.
   */
  nt(
    m: number,
    n: number,
    k: number,
    a: Float64Array,
    ao: number,
    b: Float64Array,
    bo: number,
    c: Float64Array,
    co: number,
    accumulate: boolean,
  ): void;
  /**
   * C (m×n) = α·Aᵀ · B, A being k×m and B k×n; with `accumulate`, C += α·Aᵀ · B: a weight gradient dW (+)= Gᵀ · A_prev,
   * or (α = −η, accumulating into W itself) a fused SGD update W −= η·Gᵀ · A_prev. α defaults to 1.
   */
  tn(
    m: number,
    n: number,
    k: number,
    a: Float64Array,
    ao: number,
    b: Float64Array,
    bo: number,
    c: Float64Array,
    co: number,
    accumulate: boolean,
    alpha?: number,
  ): void;
  /** C (m×n) = A (m×k) · B (k×n): the gradient flowing back a layer, G_prev = G · W. */
  nn(
    m: number,
    n: number,
    k: number,
    a: Float64Array,
    ao: number,
    b: Float64Array,
    bo: number,
    c: Float64Array,
    co: number,
  ): void;
}
