import { EigenvalueDecomposition, Matrix, SingularValueDecomposition } from "ml-matrix";
import { nuclearNorm } from "../math/nuclear_norm.ts";
import type { SensingOperator } from "../math/sensing_operator.ts";
import type { Reference, ReferenceResult } from "./reference.ts";
import { marginAdmm, type MarginProblem } from "./_margin_admm.ts";
import { spectralProx } from "./_spectral_prox.ts";

/** Options of {@link maxMarginNuclear}. */
export interface MaxMarginNuclearOptions {
  /** Minimize tr X over X ⪰ 0 (default: when the operator is symmetric), else ‖X‖_* over all X. */
  psd?: boolean;
  /** Relative duality gap at which to stop (default 1e-8). */
  tol?: number;
  /** Iteration limit (default 100000). */
  maxIter?: number;
}

/** A max-margin reference with the dual certificate the solver stopped on. */
export interface MarginReference extends Reference {
  /** Its normalized margin 1/‖X̄‖ (the smallest yᵢ⟨Aᵢ, X̄⟩ is 1). */
  readonly margin: number;
  /** λ ≥ 0 with ‖Σλᵢyᵢãᵢ‖_dual ≤ 1: Σλᵢ is a lower bound on the optimal norm. */
  readonly dual: Float64Array;
  /** The certified relative gap (‖X̄‖ − Σλᵢ)/‖X̄‖ ≤ tol. */
  readonly gap: number;
}

/** Largest number of measurements (I + K is factored densely). */
export const MAX_MARGIN_NUCLEAR_MAX_MEASUREMENTS = 2500;

/**
 * The minimum nuclear norm max-margin matrix of 1-bit sensing:
 * X̄ = argmin ‖X‖_* s.t. yᵢ⟨Aᵢ, X⟩ ≥ 1, or for `psd` argmin tr X s.t. the
 * same and X ⪰ 0, the limit direction of gradient descent on a
 * classification loss of X = UVᵀ (or UUᵀ) (Gunasekar, Lee, Soudry & Srebro
 * 2018). A semidefinite program, solved by the first-order conic method of
 * `marginAdmm` (the prox is singular or eigenvalue thresholding) until the
 * duality gap certified by a dual feasible λ, max Σλᵢ s.t.
 * ‖Σλᵢyᵢ Aᵢ‖_op ≤ 1 (or I − Σλᵢyᵢ Aᵢ ⪰ 0), λ ≥ 0, is below `tol`
 * relative. X̄ is scaled so that its smallest margin is exactly 1.
 *
 * @param operator The sensing matrices Aᵢ.
 * @param y The labels ±1.
 * @param options PSD or general, tolerance, iteration limit.
 * @returns X̄ with its margin, active set and dual, or why there is none:
 *   labels no matrix separates (with the Farkas certificate's size), too
 *   many measurements, or no convergence (with the gap reached).
 *
 * @example Usage
 * ```ts
 * import { maxMarginNuclear } from "./max_margin_nuclear.ts";
 * import { sensingOperator } from "../math/sensing_operator.ts";
 * import assert from "node:assert/strict";
 *
 * // X₀₀ ≥ 1 and −X₁₁ ≥ 1 over general 2×2 X: X̄ = diag(1, −1), ‖X̄‖_* = 2
 * const op = sensingOperator(2, { structure: "entries", entries: new Uint32Array([0, 0, 1, 1]) }, false);
 * const ref = maxMarginNuclear(op, new Float64Array([1, -1]));
 * assert.ok(ref.predictor !== null && Math.abs(ref.margin! - 0.5) < 1e-7);
 * ```
 */
export function maxMarginNuclear(
  operator: SensingOperator,
  y: Float64Array,
  options: MaxMarginNuclearOptions = {},
): ReferenceResult {
  const { psd = operator.symmetric, tol = 1e-8, maxIter = 100_000 } = options;
  const kind = psd ? "max-margin-trace-psd" : "max-margin-nuclear";
  const { n, m } = operator, nn = n * n;
  if (psd && !operator.symmetric) {
    throw new RangeError("Cannot minimize the trace over PSD matrices with non-symmetric sensing matrices");
  }
  const bad = y.findIndex((v) => v !== 1 && v !== -1);
  if (bad >= 0) throw new RangeError(`Expected labels ±1 but found y[${bad}] = ${y[bad]}`);
  if (m > MAX_MARGIN_NUCLEAR_MAX_MEASUREMENTS) {
    return {
      kind,
      predictor: null,
      error: `Too many measurements for the max-margin SDP solver (${m} > ${MAX_MARGIN_NUCLEAR_MAX_MEASUREMENTS})`,
    };
  }
  const k = operator.gram();
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) k[i * m + j]! *= y[i]! * y[j]!;
  const c = new Float64Array(m);
  const problem: MarginProblem = {
    p: nn,
    m,
    measure(x, out) {
      operator.measure(x, out);
      for (let i = 0; i < m; i++) out[i]! *= y[i]!;
    },
    adjoint(cv, out) {
      for (let i = 0; i < m; i++) c[i] = cv[i]! * y[i]!;
      operator.adjoint(c, out);
    },
    gram: k,
    prox(v, tau, out) {
      spectralProx(v, n, tau, psd, out);
    },
    value(x) {
      if (!psd) return nuclearNorm(x, n);
      let t = 0;
      for (let j = 0; j < n; j++) t += x[j * n + j]!;
      return t;
    },
    dualValue(v) {
      return psd ? Math.max(0, largestEigenvalue(v, n)) : largestSingularValue(v, n);
    },
  };
  const out = marginAdmm(problem, tol, maxIter);
  if (out.status === "infeasible") {
    const used = Array.from(out.lambda).flatMap((l, i) => (l > 1e-6 ? [i] : []));
    return {
      kind,
      predictor: null,
      error:
        `The labels are not separable${psd ? " by a PSD matrix" : ""}: the measurements ${used.slice(0, 8).join(", ")}${
          used.length > 8 ? ", …" : ""
        } combine (λ ≥ 0, Σλ = 1) into Σλᵢyᵢ Aᵢ ${psd ? "with largest eigenvalue" : "of operator norm"} ${
          out.residual.toExponential(1)
        } (≤ 1e-9 of the largest ‖Aᵢ‖), so every X with all yᵢ⟨Aᵢ, X⟩ ≥ 1 would need ` +
        `‖X‖_* ≥ 1/${out.residual.toExponential(1)}: none exists (up to that tolerance)`,
    };
  }
  if (out.status === "stalled") {
    return {
      kind,
      predictor: null,
      error: `The max-margin SDP solver did not reach a relative duality gap of ${tol} in ${maxIter} iterations ` +
        `(upper bound ${out.primal.toPrecision(6)}, lower bound ${out.dual.toPrecision(6)})`,
    };
  }
  const margins = new Float64Array(m);
  problem.measure(out.x, margins);
  const support: number[] = [];
  margins.forEach((v, i) => {
    if (v <= 1 + 1e-5) support.push(i);
  });
  const reference: MarginReference = {
    kind,
    predictor: { shape: [n, n], data: out.x },
    margin: 1 / out.primal,
    support,
    dual: out.lambda,
    gap: (out.primal - out.dual) / out.primal,
  };
  return reference;
}

function toMatrix(v: Float64Array, n: number, symmetrize: boolean): Matrix {
  const mat = new Matrix(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) mat.set(i, j, symmetrize ? 0.5 * (v[i * n + j]! + v[j * n + i]!) : v[i * n + j]!);
  }
  return mat;
}

function largestEigenvalue(v: Float64Array, n: number): number {
  return Math.max(...new EigenvalueDecomposition(toMatrix(v, n, true), { assumeSymmetric: true }).realEigenvalues);
}

function largestSingularValue(v: Float64Array, n: number): number {
  return Math.max(0, ...new SingularValueDecomposition(toMatrix(v, n, false)).diagonal);
}
