import { unitaryDft } from "../math/unitary_dft.ts";
import type { ReferenceResult } from "./reference.ts";
import { loadHighs } from "./_highs.ts";

/** Largest dimension d the solver takes. */
export const MAX_MARGIN_DFT_L1_MAX_DIM = 256;

/**
 * The max-margin predictor in the ℓ1 norm of the Fourier transform:
 * β̄ = argmin ‖β̂‖₁ s.t. ⟨zₙ, β⟩ ≥ 1 for all n, with β̂ the unitary DFT of
 * β ∈ ℝᵈ and |·| the complex modulus. Gradient descent on a two-layer linear
 * convolutional network converges in direction to β̄ (Gunasekar, Lee, Soudry &
 * Srebro, NeurIPS 2018, Theorem 2 with L = 2; for L > 2 the limit is only a
 * stationary point of the nonconvex ‖β̂‖_{2/L} problem).
 *
 * The problem is a second-order cone program. With tₖ ≥ |β̂ₖ| on the half
 * spectrum k = 0 … ⌊d/2⌋ (β̂_{d−k} is the conjugate of β̂ₖ, so tₖ counts twice
 * unless k = 0 or k = d/2), it is solved by Kelley's cutting planes: HiGHS
 * solves the LP with the tangent cuts tₖ ≥ cos θ·Re β̂ₖ + sin θ·Im β̂ₖ found so
 * far (8 angles to start), the cut at θ = arg β̂ₖ is added for every k with
 * |β̂ₖ| > tₖ, until no cut is violated by more than 1e-10 relative (HiGHS's
 * own tolerances are 1e-10). The result is scaled so that its smallest
 * margin is exactly 1. The objective is then exact to about 1e-10 relative
 * and β̄ (where it is unique) to about 1e-5, the square root, since the
 * objective is flat to second order along the cuts.
 *
 * @param z The signed examples yₙxₙ, row-major n×d.
 * @param d The dimension.
 * @returns β̄ with its normalized margin 1/‖β̄̂‖₁ and the active examples, or
 *   a reason when the data cannot be separated through the origin.
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
export async function maxMarginDftL1(z: Float64Array, d: number): Promise<ReferenceResult> {
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
  const n = z.length / d, half = Math.floor(d / 2);
  const real = (k: number): boolean => k === 0 || 2 * k === d;
  const weight = (k: number): number => (real(k) ? 1 : 2);
  /** Coefficients of β ↦ cos θ·Re β̂ₖ + sin θ·Im β̂ₖ = Σⱼ βⱼ·cos(θ + 2πjk/d)/√d. */
  function cut(k: number, theta: number): string {
    const parts = [`t${k}`];
    for (let j = 0; j < d; j++) {
      const c = -Math.cos(theta + (2 * Math.PI * ((j * k) % d)) / d) / Math.sqrt(d);
      if (Math.abs(c) > 1e-300) parts.push(`${c < 0 ? "-" : "+"} ${String(Math.abs(c))} b${j}`);
    }
    return `${parts.join(" ")} >= 0`;
  }
  const cuts: string[] = [];
  for (let k = 0; k <= half; k++) {
    const angles = real(k) ? [0, Math.PI] : Array.from({ length: 8 }, (_, q) => (q * Math.PI) / 4);
    for (const theta of angles) cuts.push(cut(k, theta));
  }
  const margins: string[] = [];
  for (let i = 0; i < n; i++) {
    const parts: string[] = [];
    for (let j = 0; j < d; j++) {
      const c = z[i * d + j]!;
      if (c !== 0) parts.push(`${c < 0 ? "-" : "+"} ${String(Math.abs(c))} b${j}`);
    }
    if (parts.length === 0) return notSeparable(`example ${i} is the zero vector`);
    margins.push(`${parts.join(" ")} >= 1`);
  }
  const highs = await loadHighs();
  const objective = Array.from({ length: half + 1 }, (_, k) => `${weight(k)} t${k}`).join(" + ");
  const bounds = Array.from({ length: d }, (_, j) => ` b${j} free`);
  for (let round = 0; round < 500; round++) {
    const lp = [
      "Minimize",
      ` obj: ${objective}`,
      "Subject To",
      ...margins.map((row, i) => ` m${i}: ${row}`),
      ...cuts.map((row, i) => ` k${i}: ${row}`),
      "Bounds",
      ...bounds,
      "End",
    ].join("\n");
    const result = highs.solve(lp, { primal_feasibility_tolerance: 1e-10, dual_feasibility_tolerance: 1e-10 });
    if (result.Status === "Infeasible") return notSeparable("no β has yₙ⟨β, xₙ⟩ ≥ 1 for all n");
    if (result.Status !== "Optimal") {
      return { kind, predictor: null, error: `The LP solver stopped with status ${result.Status}` };
    }
    const beta = Float64Array.from({ length: d }, (_, j) => result.Columns[`b${j}`]?.Primal ?? 0);
    const t = Array.from({ length: half + 1 }, (_, k) => result.Columns[`t${k}`]?.Primal ?? 0);
    const { re, im } = unitaryDft(beta);
    let norm = 0, added = 0;
    for (let k = 0; k <= half; k++) norm += weight(k) * Math.hypot(re[k]!, im[k]!);
    for (let k = 0; k <= half; k++) {
      if (real(k)) continue;
      if (Math.hypot(re[k]!, im[k]!) > t[k]! + 1e-10 * norm) {
        cuts.push(cut(k, Math.atan2(im[k]!, re[k]!)));
        added++;
      }
    }
    if (added > 0) continue;
    let least = Infinity;
    const dots = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += z[i * d + j]! * beta[j]!;
      dots[i] = s;
      least = Math.min(least, s);
    }
    for (let j = 0; j < d; j++) beta[j]! /= least;
    const support: number[] = [];
    dots.forEach((s, i) => {
      if (s / least <= 1 + 1e-7) support.push(i);
    });
    return { kind, predictor: { shape: [d], data: beta }, margin: least / norm, support };
  }
  return { kind, predictor: null, error: "The cutting-plane solver did not converge in 500 rounds" };

  function notSeparable(why: string): ReferenceResult {
    return { kind, predictor: null, error: `The data are not linearly separable through the origin: ${why}` };
  }
}
