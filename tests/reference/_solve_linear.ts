/**
 * Solves the square system A·x = b (A row-major n×n) by Gaussian elimination
 * with partial pivoting: a few lines of textbook linear algebra, independent
 * of the solvers under test, for closed forms and KKT certificates.
 */
export function solveLinear(a: ArrayLike<number>, b: ArrayLike<number>): Float64Array {
  const n = b.length;
  const m = Array.from({ length: n }, (_, i) => [...Array.from({ length: n }, (_, j) => a[i * n + j]!), b[i]!]);
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(m[i]![k]!) > Math.abs(m[p]![k]!)) p = i;
    [m[k], m[p]] = [m[p]!, m[k]!];
    const pivot = m[k]![k]!;
    if (Math.abs(pivot) < 1e-300) throw new RangeError(`Singular system (pivot ${pivot} at column ${k})`);
    for (let i = k + 1; i < n; i++) {
      const f = m[i]![k]! / pivot;
      for (let j = k; j <= n; j++) m[i]![j]! -= f * m[k]![j]!;
    }
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = m[i]![n]!;
    for (let j = i + 1; j < n; j++) s -= m[i]![j]! * x[j]!;
    x[i] = s / m[i]![i]!;
  }
  return x;
}
