import { CholeskyDecomposition, EigenvalueDecomposition, Matrix, pseudoInverse } from "ml-matrix";
import { lpNorm } from "../math/lp_norm.ts";

/**
 * argmin ‖w‖ₚ s.t. Xw = y for p > 2 by Newton's method on the primal
 * f(w) = Σ|wⱼ|ᵖ/p (same minimizer) restricted to the feasible set, with the
 * null-space method of Boyd & Vandenberghe §10.2: with N an orthonormal basis
 * of ker X (eigenvectors of the projector I − X⁺X), the step is Δ = −N(NᵀHN)⁻¹Nᵀ∇f, H =
 * diag((p − 1)|wⱼ|^{p−2}) — bounded for p ≥ 2, so nothing is inverted that
 * blows up where wⱼ is small (the range-space form, which inverts H, stalls
 * for large p). The problem is rescaled so that ‖start‖_∞ = 1 (|wⱼ|ᵖ stays
 * representable) and trial points are re-projected onto Xw = y against the
 * drift of rounding. Backtracking on f while the Newton decrement
 * ΔᵀHΔ/2 (≈ f − f*) exceeds 1e-8·f, then full steps (f can no longer resolve
 * the progress, the quadratic convergence can) until the decrement stops
 * shrinking. Each iteration costs O(d³).
 *
 * @returns w, or null when it does not converge in 200 iterations.
 */
export function minLpPrimalNewton(x: Float64Array, start: Float64Array, d: number, p: number): Float64Array | null {
  const n = x.length / d;
  const scale = lpNorm(start, Infinity);
  if (scale === 0) return new Float64Array(d);
  const w0 = start.map((v) => v / scale);
  // ker X is the eigenspace of eigenvalue 1 of the projector I − X⁺X (eigenvalues 0 or 1).
  const xm = new Matrix(Array.from({ length: n }, (_, i) => Array.from(x.subarray(i * d, i * d + d))));
  const projector = Matrix.eye(d).sub(pseudoInverse(xm).mmul(xm));
  const eig = new EigenvalueDecomposition(projector, { assumeSymmetric: true });
  const keep = eig.realEigenvalues.flatMap((v, c) => v > 0.5 ? [c] : []);
  const k = keep.length;
  if (k === 0) return start.slice(); // a unique interpolant
  const vectors = eig.eigenvectorMatrix;
  const basis = Array.from({ length: d }, (_, j) => keep.map((c) => vectors.get(j, c))); // d×k, orthonormal

  /** Re-centers v on the feasible set: v − P_row(v − w0), P_row = I − NNᵀ. */
  function project(v: Float64Array): Float64Array {
    const diff = v.map((value, j) => value - w0[j]!);
    const coef = new Float64Array(k);
    for (let j = 0; j < d; j++) for (let c = 0; c < k; c++) coef[c]! += basis[j]![c]! * diff[j]!;
    const out = w0.slice();
    for (let j = 0; j < d; j++) for (let c = 0; c < k; c++) out[j]! += basis[j]![c]! * coef[c]!;
    return out;
  }

  const f = (v: Float64Array) => {
    let s = 0;
    for (let j = 0; j < d; j++) s += Math.abs(v[j]!) ** p;
    return s / p;
  };
  let w: Float64Array = w0, fw = f(w);
  const grad = new Float64Array(d), h = new Float64Array(d), step = new Float64Array(d);
  let lastDecrement = Infinity;
  for (let it = 0; it < 200; it++) {
    for (let j = 0; j < d; j++) {
      const a = Math.abs(w[j]!);
      grad[j] = Math.sign(w[j]!) * a ** (p - 1);
      h[j] = (p - 1) * a ** (p - 2);
    }
    const rg = new Array<number>(k).fill(0);
    const rh = new Matrix(k, k);
    for (let a = 0; a < k; a++) {
      for (let j = 0; j < d; j++) rg[a]! += basis[j]![a]! * grad[j]!;
      for (let b = 0; b <= a; b++) {
        let s = 0;
        for (let j = 0; j < d; j++) s += basis[j]![a]! * h[j]! * basis[j]![b]!;
        rh.set(a, b, s);
        rh.set(b, a, s);
      }
    }
    const ridge = 1e-14 * Math.max(1e-300, rh.trace() / k);
    for (let a = 0; a < k; a++) rh.set(a, a, rh.get(a, a) + ridge);
    const z = new CholeskyDecomposition(rh).solve(Matrix.columnVector(rg)).getColumn(0);
    let decrement = 0;
    for (let a = 0; a < k; a++) decrement += z[a]! * rg[a]!;
    step.fill(0);
    for (let j = 0; j < d; j++) for (let a = 0; a < k; a++) step[j]! -= basis[j]![a]! * z[a]!;
    if (!(decrement >= 0)) return null;
    if (decrement / 2 <= 1e-26 * fw) return w.map((v) => v * scale);
    const local = decrement / 2 <= 1e-8 * fw;
    if (local && decrement >= 0.1 * lastDecrement) return w.map((v) => v * scale);
    lastDecrement = decrement;
    let t = 1, accepted = false;
    for (let ls = 0; ls < 60; ls++) {
      const trial = project(w.map((v, j) => v + t * step[j]!));
      const ft = f(trial);
      if (local || ft <= fw - 0.25 * t * decrement) {
        w = trial;
        fw = ft;
        accepted = true;
        break;
      }
      t /= 2;
    }
    if (!accepted) return null;
  }
  return null;
}
