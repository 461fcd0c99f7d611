// Problem kernel: least squares with a linear predictor,
// L(β) = ½Σₙ(uₙ − yₙ)², uₙ = ⟨xₙ, β⟩ (the rows at binding 8, targets at 9).
// Composed after linear_rows.wgsl, which calls these per-row functions.
// Host: least_squares.ts.

@group(0) @binding(9) var<storage, read> ls_y: array<f32>;

fn row_deriv(u: f32, row: u32, shift: f32) -> f32 {
  return u - ls_y[row];
}

fn row_loss(u: f32, row: u32, shift: f32) -> f32 {
  let r = u - ls_y[row];
  return 0.5 * r * r;
}

// No log form: normalized GD follows ∇L / L with shift 0.
fn row_margin(u: f32, row: u32) -> f32 {
  return 0.0;
}
