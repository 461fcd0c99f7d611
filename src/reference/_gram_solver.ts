import { CholeskyDecomposition, Matrix, pseudoInverse } from "ml-matrix";

/** Largest Gram matrix inverted by SVD when its rows are dependent. */
const MAX_PSEUDO_INVERSE = 400;

/**
 * A solver of K·x = b, in place on flat arrays, for the symmetric PSD Gram
 * matrix K (row-major m×m) of the sensing matrices: ml-matrix's Cholesky
 * factor with two triangular sweeps when K is well conditioned (every pivot
 * keeps more than 1e-10 of its diagonal entry), else K⁺ (SVD pseudo-inverse)
 * for m ≤ 400, which projects correctly whenever the measurements are
 * consistent; null when K is singular and larger than that.
 */
export function gramSolver(k: Float64Array, m: number): ((b: Float64Array) => void) | null {
  const mat = new Matrix(m, m);
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) mat.set(i, j, k[i * m + j]!);
  const chol = new CholeskyDecomposition(mat);
  if (chol.isPositiveDefinite()) {
    const lm = chol.lowerTriangularMatrix;
    const l = new Float64Array(m * m);
    let ok = true;
    for (let i = 0; i < m && ok; i++) {
      for (let j = 0; j <= i; j++) l[i * m + j] = lm.get(i, j);
      ok = l[i * m + i]! ** 2 > 1e-10 * k[i * m + i]!;
    }
    if (ok) {
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
  }
  if (m > MAX_PSEUDO_INVERSE) return null;
  const pinv = pseudoInverse(mat);
  const p = new Float64Array(m * m);
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) p[i * m + j] = pinv.get(i, j);
  const t = new Float64Array(m);
  return (b) => {
    for (let i = 0; i < m; i++) {
      let s = 0;
      for (let j = 0; j < m; j++) s += p[i * m + j]! * b[j]!;
      t[i] = s;
    }
    b.set(t);
  };
}
