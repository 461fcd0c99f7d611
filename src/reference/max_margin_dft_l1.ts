import { unitaryDft } from "../math/unitary_dft.ts";
import type { ReferenceResult } from "./reference.ts";
import { marginAdmm, type MarginProblem } from "./_margin_admm.ts";

/** Largest dimension d the solver takes. */
export const MAX_MARGIN_DFT_L1_MAX_DIM = 256;

/** Relative duality gap the solver certifies (the margin is exact to it). */
export const MAX_MARGIN_DFT_L1_TOL = 1e-10;

/**
 * The max-margin predictor in the ℓ1 norm of the Fourier transform:
 * β̄ = argmin ‖β̂‖₁ s.t. ⟨zₙ, β⟩ ≥ 1 for all n, with β̂ the unitary DFT of
 * β ∈ ℝᵈ and |·| the complex modulus. Gradient descent on a two-layer linear
 * convolutional network converges in direction to β̄ (Gunasekar, Lee, Soudry &
 * Srebro, NeurIPS 2018, Theorem 2 with L = 2; for L > 2 the limit is only a
 * stationary point of the nonconvex ‖β̂‖_{2/L} problem).
 *
 * The problem is a second-order cone program (one cone per frequency pair).
 * It is solved by the first-order conic method `marginAdmm` that also
 * solves the nuclear-norm SDP: the prox of τ‖β̂‖₁ soft-thresholds every
 * β̂ₖ's modulus by τ (the DFT is unitary, so this is the prox in β), and the
 * dual is max Σλₙ s.t. maxₖ |(Σλₙẑₙ)ₖ| ≤ 1, λ ≥ 0. It stops when that dual
 * certifies a relative gap ≤ {@link MAX_MARGIN_DFT_L1_TOL} (1e-10): the
 * margin 1/‖β̄̂‖₁ is exact to that, β̄ (where it is unique) to about its
 * square root. The result is scaled so that its smallest margin is exactly
 * 1. (It replaces Kelley's cutting planes in HiGHS, which stalled on one
 * example at d = 9: tangent cuts converge sublinearly near a solution whose
 * mass sits on one frequency pair.)
 *
 * @param z The signed examples yₙxₙ, row-major n×d.
 * @param d The dimension.
 * @param maxIter Iteration limit of the conic solver (default 200,000).
 * @returns β̄ with its normalized margin 1/‖β̄̂‖₁, the active examples and
 *   the dual λ, or a reason when the data cannot be separated through the
 *   origin (with a Farkas certificate) or the gap was not reached.
 *
 * @example Usage
 * ```ts
 * import { maxMarginDftL1 } from "./max_margin_dft_l1.ts";
 * import assert from "node:assert/strict";
 *
 * // One example: the margin is max_k |ẑₖ| (here on frequency 1 of d = 4)
 * const ref = await maxMarginDftL1(new Float64Array([1, 2, -1, -2]), 4);
 * assert.ok(ref.predictor !== null);
 * assert.ok(Math.abs(ref.margin! - Math.hypot(2, 4) / 2) < 1e-9);
 * ```
 */
export function maxMarginDftL1(z: Float64Array, d: number, maxIter = 200_000): Promise<ReferenceResult> {
  try {
    return Promise.resolve(solve(z, d, maxIter));
  } catch (e) {
    return Promise.reject(e);
  }
}

function solve(z: Float64Array, d: number, maxIter: number): ReferenceResult {
  const kind = "max-margin-dft-l1";
  if (!Number.isInteger(d) || d < 1 || z.length % d !== 0 || z.length === 0) {
    throw new RangeError(`Cannot solve for the DFT max margin: ${z.length} entries do not form rows of length ${d}`);
  }
  if (d > MAX_MARGIN_DFT_L1_MAX_DIM) {
    return {
      kind,
      predictor: null,
      error: `The dimension is too large for the DFT max-margin solver (${d} > ${MAX_MARGIN_DFT_L1_MAX_DIM})`,
    };
  }
  const n = z.length / d;
  for (let i = 0; i < n; i++) {
    if (z.subarray(i * d, (i + 1) * d).every((v) => v === 0)) return notSeparable(`example ${i} is the zero vector`);
  }
  const cos = new Float64Array(d * d), sin = new Float64Array(d * d), c = 1 / Math.sqrt(d);
  for (let j = 0; j < d; j++) {
    for (let k = 0; k < d; k++) {
      const t = (2 * Math.PI * ((j * k) % d)) / d;
      cos[j * d + k] = c * Math.cos(t);
      sin[j * d + k] = c * Math.sin(t);
    }
  }
  const re = new Float64Array(d), im = new Float64Array(d);
  /** re + i·im = the unitary DFT of the real v. */
  function dft(v: Float64Array): void {
    for (let k = 0; k < d; k++) {
      let a = 0, b = 0;
      for (let j = 0; j < d; j++) {
        a += v[j]! * cos[j * d + k]!;
        b -= v[j]! * sin[j * d + k]!;
      }
      re[k] = a;
      im[k] = b;
    }
  }
  const gram = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let l = 0; l < n; l++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += z[i * d + j]! * z[l * d + j]!;
      gram[i * n + l] = s;
    }
  }
  const problem: MarginProblem = {
    p: d,
    m: n,
    measure(x, out) {
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let j = 0; j < d; j++) s += z[i * d + j]! * x[j]!;
        out[i] = s;
      }
    },
    adjoint(cv, out) {
      out.fill(0);
      for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) out[j]! += cv[i]! * z[i * d + j]!;
    },
    gram,
    prox(v, tau, out) {
      dft(v);
      for (let k = 0; k < d; k++) {
        const mag = Math.hypot(re[k]!, im[k]!), f = mag > tau ? 1 - tau / mag : 0;
        re[k]! *= f;
        im[k]! *= f;
      }
      // The inverse transform of a conjugate-symmetric spectrum is real.
      for (let j = 0; j < d; j++) {
        let s = 0;
        for (let k = 0; k < d; k++) s += re[k]! * cos[j * d + k]! - im[k]! * sin[j * d + k]!;
        out[j] = s;
      }
    },
    value(x) {
      dft(x);
      let s = 0;
      for (let k = 0; k < d; k++) s += Math.hypot(re[k]!, im[k]!);
      return s;
    },
    dualValue(v) {
      dft(v);
      let s = 0;
      for (let k = 0; k < d; k++) s = Math.max(s, Math.hypot(re[k]!, im[k]!));
      return s;
    },
  };
  const out = marginAdmm(problem, MAX_MARGIN_DFT_L1_TOL, maxIter);
  if (out.status === "infeasible") {
    return notSeparable(
      `a convex combination of the examples (λ ≥ 0, Σλ = 1) is ${out.residual.toExponential(1)} from 0 in ` +
        `every frequency, so no β has yₙ⟨β, xₙ⟩ ≥ 1 for all n`,
    );
  }
  if (out.status === "stalled") {
    return {
      kind,
      predictor: null,
      error: `The DFT max-margin solver did not reach a relative duality gap of ${MAX_MARGIN_DFT_L1_TOL} in ` +
        `${maxIter} iterations (upper bound ${out.primal.toPrecision(6)}, lower bound ${out.dual.toPrecision(6)})`,
    };
  }
  const beta = out.x, dots = new Float64Array(n);
  problem.measure(beta, dots);
  const support: number[] = [];
  dots.forEach((s, i) => {
    if (s <= 1 + 1e-7) support.push(i);
  });
  const hat = unitaryDft(beta);
  let norm = 0;
  for (let k = 0; k < d; k++) norm += Math.hypot(hat.re[k]!, hat.im[k]!);
  return { kind, predictor: { shape: [d], data: beta }, margin: 1 / norm, support };

  function notSeparable(why: string): ReferenceResult {
    return { kind, predictor: null, error: `The data are not linearly separable through the origin: ${why}` };
  }
}
