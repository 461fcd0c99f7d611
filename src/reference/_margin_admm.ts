import { gramSolver } from "./_gram_solver.ts";

/**
 * A max-margin problem min f(x) s.t. ⟨ãᵢ, x⟩ ≥ 1 (i < m), the labels folded
 * into the rows ãᵢ = yᵢaᵢ, with f a norm or a gauge of a cone (tr on PSD
 * matrices), given through the pieces a first-order method needs.
 */
export interface MarginProblem {
  /** Dimension of x. */
  readonly p: number;
  /** Number of constraints. */
  readonly m: number;
  /** out[i] = ⟨ãᵢ, x⟩. */
  measure(x: Float64Array, out: Float64Array): void;
  /** out = Σᵢ cᵢãᵢ (overwritten). */
  adjoint(c: Float64Array, out: Float64Array): void;
  /** Kᵢⱼ = ⟨ãᵢ, ãⱼ⟩, row-major m×m. */
  readonly gram: Float64Array;
  /** out = argmin τ·f(x) + ½‖x − v‖². */
  prox(v: Float64Array, tau: number, out: Float64Array): void;
  /** f(x) for x in the domain of f (the prox's outputs). */
  value(x: Float64Array): number;
  /** The dual gauge f°(v) = sup{⟨v, x⟩ : f(x) ≤ 1} (0 when v is in the polar cone). */
  dualValue(v: Float64Array): number;
}

/** The outcome of {@link marginAdmm}. */
export type MarginAdmmResult =
  | {
    readonly status: "optimal";
    /** The primal point, scaled so that minᵢ⟨ãᵢ, x⟩ = 1. */
    readonly x: Float64Array;
    /** f(x): an upper bound on the optimum. */
    readonly primal: number;
    /** Σλᵢ for the dual feasible λ: a lower bound on the optimum. */
    readonly dual: number;
    /** λ ≥ 0 with f°(Σλᵢãᵢ) ≤ 1 (a dual certificate). */
    readonly lambda: Float64Array;
    /** Iterations run. */
    readonly iterations: number;
  }
  | {
    readonly status: "infeasible";
    /** λ ≥ 0, Σλᵢ = 1, f°(Σλᵢãᵢ) = `residual`: no x with f(x) < 1/residual meets the constraints. */
    readonly lambda: Float64Array;
    readonly residual: number;
  }
  | { readonly status: "stalled"; readonly primal: number; readonly dual: number; readonly iterations: number };

/**
 * Solves a {@link MarginProblem} by ADMM (Boyd et al. 2011) on
 * min f(z) + 𝟙{s ≥ 1}(s) s.t. x = z, Ãx = s: the x-step is the projection
 * (I + ÃᵀÃ)⁻¹ by Woodbury with one Cholesky factor of I + K (always
 * positive definite), the z-step the prox of f, the s-step a clip at 1; ρ
 * is rebalanced on the residuals during the first 2000 iterations.
 *
 * It stops on a certified duality gap, not on residuals: every 10
 * iterations z is scaled to margin 1 (an upper bound f(z)/minᵢ⟨ãᵢ, z⟩) and
 * the multipliers λ = max(0, −ρw) of Ãx = s to dual feasibility (a lower
 * bound Σλᵢ/f°(Ãᵀλ)); it returns when (upper − lower) ≤ tol·upper. When the
 * constraints cannot all hold, the multipliers diverge and their increments
 * converge to a Farkas certificate (Banjac et al. 2019): λ ≥ 0, Σλᵢ = 1,
 * f°(Ãᵀλ) ≈ 0; that is checked every 50 iterations and reported as
 * `infeasible` once f°(Ãᵀλ) ≤ 1e-9·maxᵢ f°(ãᵢ).
 */
export function marginAdmm(problem: MarginProblem, tol: number, maxIter: number): MarginAdmmResult {
  const { p, m } = problem;
  const shifted = problem.gram.slice();
  for (let i = 0; i < m; i++) shifted[i * m + i]! += 1;
  const solve = gramSolver(shifted, m)!; // I + K is positive definite
  const x = new Float64Array(p), z = new Float64Array(p), u = new Float64Array(p), v = new Float64Array(p);
  const zPrev = new Float64Array(p), tmp = new Float64Array(p), at = new Float64Array(p);
  const s = new Float64Array(m).fill(1), w = new Float64Array(m), c = new Float64Array(m);
  const sPrev = new Float64Array(m), lam = new Float64Array(m), nuMark = new Float64Array(m);
  let scaleA = 0;
  for (let i = 0; i < m; i++) {
    c.fill(0);
    c[i] = 1;
    problem.adjoint(c, at);
    scaleA = Math.max(scaleA, problem.dualValue(at));
  }
  if (!(scaleA > 0)) {
    lam.fill(1 / m);
    return { status: "infeasible", lambda: lam, residual: 0 };
  }
  let rho = 1;
  let upper = Infinity, lower = 0, best: Float64Array | null = null, bestLam: Float64Array | null = null;
  for (let it = 1; it <= maxIter; it++) {
    // x = (I + ÃᵀÃ)⁻¹(z − u + Ãᵀ(s − w)); then Ãx = (I + K)⁻¹Ãv.
    for (let i = 0; i < m; i++) c[i] = s[i]! - w[i]!;
    problem.adjoint(c, at);
    for (let k = 0; k < p; k++) v[k] = z[k]! - u[k]! + at[k]!;
    problem.measure(v, c);
    solve(c);
    problem.adjoint(c, at);
    for (let k = 0; k < p; k++) x[k] = v[k]! - at[k]!;
    // z = prox_{f/ρ}(x + u), s = max(1, Ãx + w).
    zPrev.set(z);
    for (let k = 0; k < p; k++) tmp[k] = x[k]! + u[k]!;
    problem.prox(tmp, 1 / rho, z);
    sPrev.set(s);
    let rp = 0, rd = 0;
    for (let i = 0; i < m; i++) {
      const ax = c[i]!;
      s[i] = Math.max(1, ax + w[i]!);
      w[i]! += ax - s[i]!;
      rp += (ax - s[i]!) ** 2;
      rd += (s[i]! - sPrev[i]!) ** 2;
    }
    for (let k = 0; k < p; k++) {
      u[k]! += x[k]! - z[k]!;
      rp += (x[k]! - z[k]!) ** 2;
      rd += (z[k]! - zPrev[k]!) ** 2;
    }
    if (it % 10 === 0) {
      // Upper bound: z scaled to margin 1.
      problem.measure(z, c);
      let least = Infinity;
      for (let i = 0; i < m; i++) least = Math.min(least, c[i]!);
      if (least > 0) {
        const f = problem.value(z) / least;
        if (f < upper) {
          upper = f;
          best = z.map((q) => q / least);
        }
      }
      // Lower bound: λ = max(0, −ρw) scaled to f°(Ãᵀλ) = 1.
      let sum = 0;
      for (let i = 0; i < m; i++) sum += lam[i] = Math.max(0, -rho * w[i]!);
      problem.adjoint(lam, at);
      const dn = problem.dualValue(at);
      if (sum > 0 && dn > 0 && sum / dn > lower) {
        lower = sum / dn;
        bestLam = lam.map((q) => q / dn);
      }
      if (best && upper - lower <= tol * upper) {
        return { status: "optimal", x: best, primal: upper, dual: lower, lambda: bestLam!, iterations: it };
      }
      if (!Number.isFinite(rp + rd)) break;
      if (it < 2000) {
        const rpn = Math.sqrt(rp), rdn = rho * Math.sqrt(rd);
        const f = rpn > 10 * rdn ? 2 : rdn > 10 * rpn ? 0.5 : 1;
        if (f !== 1) {
          rho *= f;
          for (let k = 0; k < p; k++) u[k]! /= f;
          for (let i = 0; i < m; i++) w[i]! /= f;
        }
      }
    }
    if (it % 50 === 0 && !best) {
      // Farkas: the increments of ν = ρw over the last 50 iterations.
      let sum = 0;
      for (let i = 0; i < m; i++) {
        const nu = rho * w[i]!;
        lam[i] = Math.max(0, nuMark[i]! - nu);
        nuMark[i] = nu;
        sum += lam[i]!;
      }
      if (sum > 0 && it > 50) {
        for (let i = 0; i < m; i++) lam[i]! /= sum;
        problem.adjoint(lam, at);
        const residual = problem.dualValue(at);
        if (residual <= 1e-9 * scaleA) return { status: "infeasible", lambda: lam.slice(), residual };
      }
    }
  }
  return { status: "stalled", primal: upper, dual: lower, iterations: maxIter };
}
