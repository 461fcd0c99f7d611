// Problem kernel: binary classification with a homogeneous linear predictor,
// L(w) = Σₙ ℓ(uₙ), margins uₙ = ⟨zₙ, w⟩ with zₙ = yₙxₙ (the rows at binding 8),
// ℓ(u) = log(1 + e⁻ᵘ) (LOSS 0) or e⁻ᵘ (LOSS 1). Composed after
// linear_rows.wgsl, which calls these per-row functions. Host: linear_classification.ts.

override LOSS: u32 = 0u;

// ℓ'(u)·e^shift, stably (shift is 0, or a lower bound > 0 of every margin).
fn row_deriv(u: f32, row: u32, shift: f32) -> f32 {
  if (LOSS == 1u) { return -exp_acc(shift - u); }
  if (u >= 0.0) { return -exp_acc(shift - u) / (1.0 + exp_acc(-u)); }
  return -1.0 / (1.0 + exp_acc(u));
}

// ℓ(u)·e^shift, stably: softplus(−u) = max(−u, 0) + log1p(e^−|u|).
fn row_loss(u: f32, row: u32, shift: f32) -> f32 {
  if (LOSS == 1u) { return exp_acc(shift - u); }
  if (u >= 0.0) {
    let t = exp_acc(-u);
    let e = exp_acc(shift - u);
    // log1p(t)/t = 1 − t/2 + … is 1 in float32 below 2⁻²⁴; testing that
    // (not t == 0) also keeps subnormal t out of the division, which GPUs
    // that flush subnormals (NVIDIA) would turn into a loss of 0 for the row.
    if (t < 5.9604645e-8) { return e; }
    return e * (log1p_pos(t) / t);
  }
  return -u + log1p_pos(exp_acc(u));
}

// ∇log L shifts by the smallest margin, so that e^−(u − m) never underflows.
fn row_margin(u: f32, row: u32) -> f32 {
  return u;
}
