import { EigenvalueDecomposition, Matrix, SingularValueDecomposition } from "ml-matrix";

/**
 * The proximal map of τ·‖·‖_* (singular value thresholding), or for `psd` of
 * τ·tr(·) + the indicator of the PSD cone (eigenvalues shifted by −τ and
 * clipped at 0, on the symmetric part): out = argmin τf(Z) + ½‖Z − W‖²_F.
 * W and out are row-major n×n.
 */
export function spectralProx(w: Float64Array, n: number, tau: number, psd: boolean, out: Float64Array): void {
  const mat = new Matrix(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) mat.set(i, j, psd ? 0.5 * (w[i * n + j]! + w[j * n + i]!) : w[i * n + j]!);
  }
  out.fill(0);
  let left: Matrix, right: Matrix, values: number[];
  if (psd) {
    const evd = new EigenvalueDecomposition(mat, { assumeSymmetric: true });
    left = right = evd.eigenvectorMatrix;
    values = evd.realEigenvalues;
  } else {
    const svd = new SingularValueDecomposition(mat);
    left = svd.leftSingularVectors;
    right = svd.rightSingularVectors;
    values = svd.diagonal;
  }
  const col = new Float64Array(n), row = new Float64Array(n);
  values.forEach((v, k) => {
    const s = v - tau;
    if (!(s > 0)) return;
    for (let i = 0; i < n; i++) {
      col[i] = s * left.get(i, k);
      row[i] = right.get(i, k);
    }
    for (let i = 0; i < n; i++) {
      const c = col[i]!;
      if (c === 0) continue;
      for (let j = 0; j < n; j++) out[i * n + j]! += c * row[j]!;
    }
  });
}
