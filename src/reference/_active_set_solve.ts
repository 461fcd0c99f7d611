import { Matrix, pseudoInverse } from "ml-matrix";

/**
 * The least-squares solution u of A·u = b for a dense row-major m×c matrix A,
 * by pseudo-inverse, and its residual ‖A·u − b‖₂ (used to polish LP vertices
 * on their active set).
 */
export function activeSetSolve(a: number[][], b: ArrayLike<number>): { u: Float64Array; residual: number } {
  const m = new Matrix(a);
  const rhs = Matrix.columnVector(Array.from(b));
  const u = Float64Array.from(pseudoInverse(m).mmul(rhs).getColumn(0));
  const r = m.mmul(Matrix.columnVector(Array.from(u))).sub(rhs);
  return { u, residual: r.norm("frobenius") };
}
