import { lpNorm } from "../math/lp_norm.ts";
import type { SensingOperator } from "../math/sensing_operator.ts";
import type { ReferenceResult } from "./reference.ts";
import { gramSolver } from "./_gram_solver.ts";
import { spectralProx } from "./_spectral_prox.ts";

/** Options of {@link minNuclearNorm}. */
export interface MinNuclearNormOptions {
  /** Minimize tr X over X ⪰ 0 (default: when the operator is symmetric), else ‖X‖_* over all X. */
  psd?: boolean;
  /** Relative stopping tolerance on the primal and dual residuals (default 1e-10). */
  tol?: number;
  /** Iteration limit (default 20000). */
  maxIter?: number;
}

/** Largest number of measurements (the m×m Gram matrix is factored densely). */
export const MIN_NUCLEAR_NORM_MAX_MEASUREMENTS = 2500;

/**
 * The minimum nuclear norm matrix consistent with the measurements:
 * argmin ‖X‖_* s.t. A(X) = y, or for `psd` argmin tr X s.t. A(X) = y, X ⪰ 0
 * (the limit conjectured, and proved for commuting Aᵢ, for gradient descent
 * on X = UUᵀ from U₀ → 0; Gunasekar et al., NeurIPS 2017).
 *
 * Solved by ADMM on min f(X) + g(Z) s.t. X = Z (Boyd et al. 2011, §5), with f
 * the indicator of the affine set and g the (PSD) nuclear norm: the X-step
 * projects onto A(X) = y with a Cholesky factor of the Gram matrix AAᵀ, the
 * Z-step is the eigenvalue (PSD) or singular value thresholding of Z at 1/ρ,
 * and ρ is rebalanced every 10 iterations during the first 1000 (§3.4.1).
 * The returned matrix is Z (exactly PSD and low-rank); it meets A(Z) = y to
 * the tolerance.
 *
 * @param operator The measurement map.
 * @param y The measurements.
 * @param options PSD or general, tolerance, iteration limit.
 * @returns The solution (n×n), or why there is none (infeasible or
 *   inconsistent measurements, too many dependent ones, too large, no
 *   convergence).
 *
 * @example Usage
 * ```ts
 * import { minNuclearNorm } from "./min_nuclear_norm.ts";
 * import { sensingOperator } from "../math/sensing_operator.ts";
 * import assert from "node:assert/strict";
 *
 * // ⟨A, X⟩ = X₀₀ + X₁₁ + 2X₀₁ = 2: the PSD minimizer of tr X is [[½, ½], [½, ½]]
 * const op = sensingOperator(2, { structure: "dense", a: new Float64Array([1, 1, 1, 1]) }, true);
 * const ref = minNuclearNorm(op, new Float64Array([2]));
 * assert.ok(ref.predictor && Math.abs(ref.predictor.data[1]! - 0.5) < 1e-8);
 * ```
 */
export function minNuclearNorm(
  operator: SensingOperator,
  y: Float64Array,
  options: MinNuclearNormOptions = {},
): ReferenceResult {
  const { psd = operator.symmetric, tol = 1e-10, maxIter = 20000 } = options;
  const kind = psd ? "min-trace-psd" : "min-nuclear-norm";
  const { n, m } = operator;
  if (psd && !operator.symmetric) {
    throw new RangeError("Cannot minimize the trace over PSD matrices with non-symmetric sensing matrices");
  }
  if (m > MIN_NUCLEAR_NORM_MAX_MEASUREMENTS) {
    return {
      kind,
      predictor: null,
      error: `Too many measurements for the reference solver (${m} > ${MIN_NUCLEAR_NORM_MAX_MEASUREMENTS})`,
    };
  }
  const solve = gramSolver(operator.gram(), m);
  if (!solve) {
    return {
      kind,
      predictor: null,
      error: `The ${m} sensing matrices are linearly dependent (the Gram matrix AAᵀ is singular); ` +
        `remove the redundant ones`,
    };
  }
  const nn = n * n;
  const r = new Float64Array(m), corr = new Float64Array(nn);
  /** out = v − Aᵀ(AAᵀ)⁻¹(A(v) − y), the Frobenius projection onto A(X) = y. */
  function project(v: Float64Array, out: Float64Array): void {
    operator.measure(v, r);
    for (let i = 0; i < m; i++) r[i]! -= y[i]!;
    solve!(r);
    operator.adjoint(r, corr);
    for (let k = 0; k < nn; k++) out[k] = v[k]! - corr[k]!;
  }
  const x = new Float64Array(nn), z = new Float64Array(nn), u = new Float64Array(nn);
  const zPrev = new Float64Array(nn), tmp = new Float64Array(nn);
  project(new Float64Array(nn), x);
  const scale = lpNorm(x, 2);
  if (scale === 0) return { kind, predictor: { shape: [n, n], data: x } }; // y = 0
  z.set(x);
  let rho = Math.sqrt(n) / scale;
  const absTol = 1e-3 * tol * scale;
  let primal = Infinity, dual = Infinity;
  for (let it = 0; it < maxIter; it++) {
    for (let k = 0; k < nn; k++) tmp[k] = z[k]! - u[k]!;
    project(tmp, x);
    zPrev.set(z);
    for (let k = 0; k < nn; k++) tmp[k] = x[k]! + u[k]!;
    spectralProx(tmp, n, 1 / rho, psd, z);
    let rp = 0, sd = 0;
    for (let k = 0; k < nn; k++) {
      const diff = x[k]! - z[k]!;
      u[k]! += diff;
      rp += diff * diff;
      sd += (z[k]! - zPrev[k]!) ** 2;
    }
    primal = Math.sqrt(rp);
    dual = rho * Math.sqrt(sd);
    if (!Number.isFinite(primal + dual)) break;
    const primalTol = n * absTol + tol * Math.max(lpNorm(x, 2), lpNorm(z, 2));
    const dualTol = n * absTol * rho + tol * rho * lpNorm(u, 2);
    if (primal <= primalTol && dual <= dualTol) return feasible(z);
    if (it % 10 === 9 && it < 1000) {
      const f = primal > 10 * dual ? 2 : dual > 10 * primal ? 0.5 : 1;
      rho *= f;
      for (let k = 0; k < nn; k++) u[k]! /= f;
    }
  }
  return {
    kind,
    predictor: null,
    error: `ADMM did not converge in ${maxIter} iterations (primal residual ${primal.toExponential(2)}, ` +
      `dual residual ${dual.toExponential(2)})${psd ? "; the measurements may admit no PSD solution" : ""}`,
  };

  /** The solution, once its measurements are checked (dependent ones may be inconsistent). */
  function feasible(sol: Float64Array): ReferenceResult {
    operator.measure(sol, r);
    let err = 0, norm = 0;
    for (let i = 0; i < m; i++) {
      err += (r[i]! - y[i]!) ** 2;
      norm += y[i]! ** 2;
    }
    if (Math.sqrt(err) > 1e-6 * Math.sqrt(norm)) {
      return {
        kind,
        predictor: null,
        error: `The measurements are inconsistent: no matrix meets A(X) = y (residual ${
          Math.sqrt(err).toExponential(2)
        })`,
      };
    }
    return { kind, predictor: { shape: [n, n], data: sol.slice() } };
  }
}
