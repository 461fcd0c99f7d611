/**
 * L(β) = Σₙ ℓ(⟨zₙ, β⟩) (or its mean) over all rows of z, or over the first
 * `count` listed rows; writes ∂L/∂β into `g` (overwriting it). ℓ is the
 * logistic loss softplus(−u) or e⁻ᵘ, with the same stable forms as
 * `linearClassification`. Nets compose it with the chain rule through β.
 *
 * @returns L(β) when `wantLoss`, else 0.
 */
export function marginObjective(
  z: Float64Array,
  d: number,
  beta: Float64Array,
  g: Float64Array,
  options: {
    logistic: boolean;
    mean: boolean;
    wantLoss: boolean;
    rows?: Uint32Array | undefined;
    count?: number | undefined;
  },
): number {
  const { logistic, mean, wantLoss, rows } = options;
  const n = z.length / d;
  const m = rows ? (options.count ?? rows.length) : n;
  g.fill(0);
  let total = 0;
  for (let k = 0; k < m; k++) {
    const off = (rows ? rows[k]! : k) * d;
    let u = 0;
    for (let j = 0; j < d; j++) u += z[off + j]! * beta[j]!;
    let s: number;
    if (logistic) {
      s = -1 / (1 + Math.exp(u));
      if (wantLoss) total += Math.max(-u, 0) + Math.log1p(Math.exp(-Math.abs(u)));
    } else {
      const e = Math.exp(-u);
      s = -e;
      if (wantLoss) total += e;
    }
    for (let j = 0; j < d; j++) g[j]! += s * z[off + j]!;
  }
  if (mean) {
    const c = 1 / m;
    for (let j = 0; j < d; j++) g[j]! *= c;
    total *= c;
  }
  return total;
}
