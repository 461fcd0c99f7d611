import { CholeskyDecomposition, Matrix } from "ml-matrix";
import { lpNorm } from "../math/lp_norm.ts";

/**
 * argmin ‖w‖ₚ s.t. Xw = y for 1 < p < 2 by Newton's method on the dual.
 *
 * With ψ(w) = Σ|wⱼ|ᵖ/p (same minimizer as ‖w‖ₚ) the optimum has
 * ∇ψ(w) = Xᵀλ, i.e. wⱼ = sign(θⱼ)|θⱼ|^{q−1} with θ = Xᵀλ, 1/p + 1/q = 1, and λ
 * minimizes the smooth convex dual φ(λ) = Σⱼ|θⱼ|^q/q − ⟨λ, y⟩, whose gradient
 * is Xw(λ) − y and Hessian X·diag((q − 1)|θⱼ|^{q−2})·Xᵀ: an n-dimensional
 * problem. Damped Newton (Armijo backtracking, then full steps near the optimum)
 * from the rescaled minimum-ℓ2 multipliers; the weights are floored where θⱼ ≈ 0 (only needed for q < 2,
 * i.e. if called with p > 2), and a relative 1e-14 ridge keeps the system positive definite. Stationarity holds
 * by construction at every iterate, so primal feasibility ‖Xw − y‖ measures
 * convergence.
 *
 * @returns w, or null when Newton does not reach a relative residual of 1e-11.
 */
export function minLpNewton(x: Float64Array, y: Float64Array, d: number, p: number): Float64Array | null {
  const n = y.length, q = p / (p - 1);
  const theta = new Float64Array(d), w = new Float64Array(d), weight = new Float64Array(d);
  const yNorm = lpNorm(y, 2);
  if (yNorm === 0) return new Float64Array(d);

  function primal(lambda: Float64Array): number {
    // θ = Xᵀλ, w = ∇ψ*(θ); returns φ(λ).
    theta.fill(0);
    for (let i = 0; i < n; i++) {
      const l = lambda[i]!;
      for (let j = 0; j < d; j++) theta[j]! += x[i * d + j]! * l;
    }
    let phi = 0;
    for (let j = 0; j < d; j++) {
      const a = Math.abs(theta[j]!);
      const aq1 = a ** (q - 1);
      w[j] = Math.sign(theta[j]!) * aq1;
      phi += (aq1 * a) / q;
    }
    for (let i = 0; i < n; i++) phi -= lambda[i]! * y[i]!;
    return phi;
  }

  function residual(out: Float64Array): number {
    for (let i = 0; i < n; i++) {
      let s = -y[i]!;
      for (let j = 0; j < d; j++) s += x[i * d + j]! * w[j]!;
      out[i] = s;
    }
    return lpNorm(out, 2);
  }

  // Start: the multipliers of the minimum-ℓ2 interpolant, λ₀ = (XXᵀ)⁻¹y, rescaled
  // along their ray to minimize φ (φ(cλ₀) = c^q·A/q − c·B).
  const gram = new Matrix(n, n);
  for (let a = 0; a < n; a++) {
    for (let b = 0; b <= a; b++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += x[a * d + j]! * x[b * d + j]!;
      gram.set(a, b, s);
      gram.set(b, a, s);
    }
  }
  const ridge0 = 1e-14 * Math.max(1e-300, gram.trace() / n);
  let lambda = Float64Array.from(solveSpd(gram, y, ridge0));
  primal(lambda);
  let A = 0, B = 0;
  for (let j = 0; j < d; j++) A += Math.abs(theta[j]!) ** q;
  for (let i = 0; i < n; i++) B += lambda[i]! * y[i]!;
  if (A > 0 && B > 0) {
    const c = (B / A) ** (1 / (q - 1));
    lambda = lambda.map((v) => v * c);
  }

  const r = new Float64Array(n), trial = new Float64Array(n);
  let phi = primal(lambda);
  for (let it = 0; it < 200; it++) {
    const res = residual(r);
    if (res <= 1e-13 * yNorm) return w.slice();
    let tmax = 0;
    for (let j = 0; j < d; j++) tmax = Math.max(tmax, Math.abs(theta[j]!));
    const floor = 1e-8 * tmax;
    for (let j = 0; j < d; j++) weight[j] = (q - 1) * Math.max(Math.abs(theta[j]!), floor) ** (q - 2);
    const h = new Matrix(n, n);
    for (let a = 0; a < n; a++) {
      for (let b = 0; b <= a; b++) {
        let s = 0;
        for (let j = 0; j < d; j++) s += x[a * d + j]! * weight[j]! * x[b * d + j]!;
        h.set(a, b, s);
        h.set(b, a, s);
      }
    }
    const step = solveSpd(h, r, 1e-14 * Math.max(1e-300, h.trace() / n)); // Newton: Δλ = −H⁻¹∇φ
    let slope = 0;
    for (let i = 0; i < n; i++) slope -= r[i]! * step[i]!;
    if (!(slope < 0)) break;
    // Near the optimum (Newton decrement −slope/2 ≈ φ − φ* below 1e-8·|φ|) φ can
    // no longer resolve the progress: take full Newton steps, judged by the residual.
    const local = -slope / 2 <= 1e-8 * Math.abs(phi);
    let t = 1, accepted = false;
    for (let ls = 0; ls < 60; ls++) {
      for (let i = 0; i < n; i++) trial[i] = lambda[i]! - t * step[i]!;
      const next = primal(trial);
      if (local || next <= phi + 0.25 * t * slope) {
        lambda = trial.slice();
        phi = next;
        accepted = true;
        break;
      }
      t /= 2;
    }
    if (!accepted) {
      primal(lambda);
      break;
    }
  }
  return residual(r) <= 1e-11 * yNorm ? w.slice() : null;
}

function solveSpd(h: Matrix, b: ArrayLike<number>, ridge: number): number[] {
  const m = h.clone();
  for (let i = 0; i < m.rows; i++) m.set(i, i, m.get(i, i) + ridge);
  const chol = new CholeskyDecomposition(m);
  return chol.solve(Matrix.columnVector(Array.from(b))).getColumn(0);
}
