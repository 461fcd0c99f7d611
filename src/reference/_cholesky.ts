import { CholeskyDecomposition, Matrix } from "ml-matrix";

/**
 * Factors a symmetric positive definite m×m matrix (row-major) with
 * ml-matrix's Cholesky decomposition and returns a solver of K·x = b that
 * works in place on flat arrays (two triangular sweeps, no allocation), or
 * null when K is not positive definite.
 */
export function choleskySolver(k: Float64Array, m: number): ((b: Float64Array) => void) | null {
  const mat = new Matrix(m, m);
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) mat.set(i, j, k[i * m + j]!);
  const chol = new CholeskyDecomposition(mat);
  if (!chol.isPositiveDefinite()) return null;
  const lm = chol.lowerTriangularMatrix;
  const l = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j <= i; j++) l[i * m + j] = lm.get(i, j);
    if (!(l[i * m + i]! > 0)) return null;
  }
  return (b) => {
    for (let i = 0; i < m; i++) {
      let s = b[i]!;
      for (let j = 0; j < i; j++) s -= l[i * m + j]! * b[j]!;
      b[i] = s / l[i * m + i]!;
    }
    for (let i = m - 1; i >= 0; i--) {
      let s = b[i]!;
      for (let j = i + 1; j < m; j++) s -= l[j * m + i]! * b[j]!;
      b[i] = s / l[i * m + i]!;
    }
  };
}
