// float32 helpers of the tiled `mlp` kernels (prepended to mlp_head.wgsl and
// mlp_update.wgsl, which each define runtime_zero(): a 0 the compiler cannot
// see), the same as common.wgsl's and update.wgsl's for the row kernel.

fn is_finite(x: f32) -> bool {
  return (bitcast<u32>(x) & 0x7f800000u) != 0x7f800000u;
}

// +∞, built from a runtime value (WGSL forbids ∞ as a constant expression).
fn inf_f32() -> f32 {
  return bitcast<f32>(0x7f800000u ^ runtime_zero());
}

// e^x to a few ulp (Cody–Waite), as common.wgsl's exp_acc.
fn exp_acc(x: f32) -> f32 {
  if (x > 88.8) { return inf_f32(); }
  if (x < -104.0) { return 0.0; }
  let k = round(x * 1.44269504088896341);
  let t = (x - k * 6.9313812256e-01) - k * 9.0580006145e-06;
  let ki = i32(k);
  let half = ki / 2;
  return ldexp(ldexp(exp(t), half), ki - half);
}

// log(1 + t) for t ≥ 0 to a few ulp, as common.wgsl's log1p_pos.
fn log1p_pos(t: f32) -> f32 {
  if (t > 1.0) { return log(1.0 + t); }
  let s = t / (2.0 + t);
  let s2 = s * s;
  var p = 1.0 / 19.0;
  p = 1.0 / 17.0 + s2 * p;
  p = 1.0 / 15.0 + s2 * p;
  p = 1.0 / 13.0 + s2 * p;
  p = 1.0 / 11.0 + s2 * p;
  p = 1.0 / 9.0 + s2 * p;
  p = 1.0 / 7.0 + s2 * p;
  p = 1.0 / 5.0 + s2 * p;
  p = 1.0 / 3.0 + s2 * p;
  p = 1.0 + s2 * p;
  return 2.0 * s * p;
}

// eˣ − 1 without cancellation near 0 (update.wgsl's expm1_acc): Adam's 1 − βᵗ = −expm1(t·ln β).
fn expm1_acc(x: f32) -> f32 {
  if (abs(x) > 0.35) { return exp_acc(x) - 1.0; }
  var p = 1.0 / 3628800.0;
  p = 1.0 / 362880.0 + x * p;
  p = 1.0 / 40320.0 + x * p;
  p = 1.0 / 5040.0 + x * p;
  p = 1.0 / 720.0 + x * p;
  p = 1.0 / 120.0 + x * p;
  p = 1.0 / 24.0 + x * p;
  p = 1.0 / 6.0 + x * p;
  p = 0.5 + x * p;
  return x + x * x * p;
}
