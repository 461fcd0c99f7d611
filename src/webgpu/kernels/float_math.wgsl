// float32 math shared by every WGSL module (composed after common.wgsl for the
// row and multi drivers, first for the tiled mlp kernels). Each module defines
// runtime_zero(): a 0 the compiler cannot see (common.wgsl: ctl.zero).

fn is_finite(x: f32) -> bool {
  return (bitcast<u32>(x) & 0x7f800000u) != 0x7f800000u;
}

// +∞, built from a runtime value: WGSL forbids ∞ as the value of a constant
// expression, which bitcast<f32>(0x7f800000u) alone would be (Tint rejects it).
fn inf_f32() -> f32 {
  return bitcast<f32>(0x7f800000u ^ runtime_zero());
}

// e^x to a few ulp: x = k·ln 2 + r with ln 2 split in two (Cody–Waite, as in
// fdlibm's expf), e^x = 2^k·e^r with |r| ≤ ln2/2. WGSL only bounds exp's error
// by 3 + 2|x| ulp, which late in a run is where the margins are.
fn exp_acc(x: f32) -> f32 {
  if (x > 88.8) { return inf_f32(); }
  if (x < -104.0) { return 0.0; }
  let k = round(x * 1.44269504088896341);
  let t = (x - k * 6.9313812256e-01) - k * 9.0580006145e-06;
  let ki = i32(k);
  let half = ki / 2;
  return ldexp(ldexp(exp(t), half), ki - half);
}

// log(1 + t) for t ≥ 0 to a few ulp: 2·atanh(s) with s = t/(2 + t) ≤ 1/3,
// summed as its series (error < s²⁰/21); WGSL's log is only absolutely
// accurate (2⁻²¹) near 1, which would swamp small t.
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

// eˣ − 1 to a few ulp, also for small |x| where exp(x) − 1 cancels (Adam's 1 − βᵗ = −expm1(t·ln β)).
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
