/** The loss of a matrix sensing problem: squared on residuals, or a classification loss on margins. */
export type SensingLoss = "squared" | "logistic" | "exp";

/**
 * Turns the predictions fᵢ = ⟨Aᵢ, X⟩ (in `res`, one per listed row) into
 * the weights cₖ = ∂L/∂fₖ before the reduction, in place, and returns the
 * unreduced loss when `wantLoss`: rₖ = fₖ − yₖ and ½Σ rₖ² for `squared`;
 * ℓ′(uₖ)·yₖ and Σ ℓ(uₖ) with the margin uₖ = yₖfₖ for `logistic`
 * (softplus(−u), in its stable form) and `exp` (e⁻ᵘ).
 */
export function sensingWeights(
  loss: SensingLoss,
  res: Float64Array,
  y: Float64Array,
  rows: Uint32Array | undefined,
  count: number,
  wantLoss: boolean,
): number {
  let total = 0;
  for (let t = 0; t < count; t++) {
    const yi = y[rows ? rows[t]! : t]!;
    if (loss === "squared") {
      const r = res[t]! - yi;
      res[t] = r;
      total += 0.5 * r * r;
      continue;
    }
    const u = yi * res[t]!;
    if (loss === "logistic") {
      res[t] = -yi / (1 + Math.exp(u));
      if (wantLoss) total += Math.max(-u, 0) + Math.log1p(Math.exp(-Math.abs(u)));
    } else {
      const e = Math.exp(-u);
      res[t] = -yi * e;
      if (wantLoss) total += e;
    }
  }
  return wantLoss ? total : 0;
}

/**
 * The weights of ∇ log L = ∇L / L for a classification loss over all m rows,
 * shifted by the smallest margin u₀ = minₖ yₖfₖ so that nothing underflows
 * when every margin is huge: cₖ = ℓ′(uₖ)·yₖ·e^{u₀} / (L·e^{u₀}), in place.
 * Returns log L (of the sum; the caller subtracts log m for the mean), or
 * null when some margin is ≤ 0 (then L itself is representable).
 */
export function shiftedSensingWeights(logistic: boolean, res: Float64Array, y: Float64Array): number | null {
  const m = y.length;
  let least = Infinity;
  for (let t = 0; t < m; t++) least = Math.min(least, y[t]! * res[t]!);
  if (!(least > 0)) return null;
  let den = 0;
  for (let t = 0; t < m; t++) {
    const u = y[t]! * res[t]!, e = Math.exp(-(u - least));
    let num: number, l: number;
    if (logistic) {
      const q = Math.exp(-u);
      num = e / (1 + q);
      l = q === 0 ? e : e * (Math.log1p(q) / q);
    } else {
      num = e;
      l = e;
    }
    den += l;
    res[t] = -y[t]! * num;
  }
  for (let t = 0; t < m; t++) res[t]! /= den;
  return Math.log(den) - least;
}
