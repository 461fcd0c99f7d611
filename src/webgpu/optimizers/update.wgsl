// The update stage, shared by every update rule (src/webgpu/optimizers/<kind>.wgsl):
// state slots, compensated accumulators, the guarded step's saved point, and
// float32 math the rules need (argmax, ℓq duality maps, accurate log/pow/expm1).
// Composed after common.wgsl and a driver, which provide
//   fn slot_get(run: u32, s: u32, j: u32) -> f32   slot s of parameter j
//   fn slot_set(run: u32, s: u32, j: u32, v: f32)
//   fn slot_sync()   makes slot writes visible to the workgroup's other threads
// (fused: workgroup memory; multi-workgroup: the state buffer).
//
// A rule defines
//   fn opt_update(lid: u32, run: u32, h: Hyper, step: u32, aux: u32) -> u32
// called by every thread of the run's workgroup from uniform control flow,
// once per step, with the step's gradient in SLOT_G (scaled, finite): it moves
// the parameters (SLOT_W, SLOT_WC) and its own slots, and returns the run's
// new aux word. `step` counts the steps taken before this one (mod 2^32).

const SLOT_W: u32 = 0u;   // parameters, float32 head
const SLOT_WC: u32 = 1u;  // their Kahan compensation: w = head − c
const SLOT_G: u32 = 2u;   // the step's gradient
const SLOT_OPT: u32 = 3u; // the rule's first slot

var<workgroup> opt_red_i: array<u32, WG>;

fn grad(run: u32, j: u32) -> f32 {
  return slot_get(run, SLOT_G, j);
}

// The value of the compensated pair (head in slot s, compensation in s + 1).
fn comp_get(run: u32, s: u32, j: u32) -> f32 {
  return slot_get(run, s, j) - slot_get(run, s + 1u, j);
}

// x ← x + delta on the compensated pair at slot s (Kahan).
fn comp_add(run: u32, s: u32, j: u32, delta: f32) {
  let r = kahan_add(slot_get(run, s, j), slot_get(run, s + 1u, j), delta);
  slot_set(run, s, j, r.x);
  slot_set(run, s + 1u, j, r.y);
}

// x ← x + a·(goal − x) on the compensated pair at slot s: a moving average
// whose float32 rounding neither accumulates nor stalls it short of its goal
// (plain float32 stops moving once a·(target − x) is below half an ulp of x,
// up to ulp/(2a) away: 3·10⁻⁵ relative for a = 10⁻³).
fn comp_lerp(run: u32, s: u32, j: u32, goal: f32, a: f32) {
  let head = slot_get(run, s, j);
  let c = slot_get(run, s + 1u, j);
  let r = kahan_add(head, c, a * ((goal - head) + c));
  slot_set(run, s, j, r.x);
  slot_set(run, s + 1u, j, r.y);
}

// w ← w + delta (Kahan-compensated parameters).
fn w_add(run: u32, j: u32, delta: f32) {
  comp_add(run, SLOT_W, j, delta);
}

// Guarded rules keep the last accepted point (slots 0, 1 and the rule's) in
// the 2 + OPT_SLOTS slots after the rule's.
fn saved_slot(k: u32) -> u32 {
  return select(k + 1u, k, k < 2u);
}

fn save_point(lid: u32, run: u32) {
  for (var j = lid; j < P; j += WG) {
    for (var k = 0u; k < 2u + OPT_SLOTS; k++) {
      slot_set(run, SLOT_OPT + OPT_SLOTS + k, j, slot_get(run, saved_slot(k), j));
    }
  }
}

fn restore_point(lid: u32, run: u32) {
  for (var j = lid; j < P; j += WG) {
    for (var k = 0u; k < 2u + OPT_SLOTS; k++) {
      slot_set(run, saved_slot(k), j, slot_get(run, SLOT_OPT + OPT_SLOTS + k, j));
    }
  }
}

// The first j with the largest |slot s|, over the workgroup (0xffffffff when
// all are 0), as halfSquaredNormGradient and coordinate descent choose it.
// Call from uniform control flow.
fn argmax_abs(lid: u32, run: u32, s: u32) -> u32 {
  var best = 0.0;
  var at = 0xffffffffu;
  for (var j = lid; j < P; j += WG) {
    let a = abs(slot_get(run, s, j));
    if (a > best) {
      best = a;
      at = j;
    }
  }
  red_f[lid] = best;
  opt_red_i[lid] = at;
  for (var h = WG / 2u; h > 0u; h = h / 2u) {
    workgroupBarrier();
    if (lid < h) {
      let a = red_f[lid];
      let b = red_f[lid + h];
      let ia = opt_red_i[lid];
      let ib = opt_red_i[lid + h];
      if (b > a || (b == a && ib < ia)) {
        red_f[lid] = b;
        opt_red_i[lid] = ib;
      }
    }
  }
  workgroupBarrier();
  let r = opt_red_i[0];
  workgroupBarrier();
  return r;
}

// ln x for x ≥ 0 to about an ulp: x = m·2^e with m in [√½, √2), ln x =
// e·ln 2 (split in two) + 2·atanh(s), s = (m − 1)/(m + 1), |s| ≤ 0.172, as its
// series. WGSL's log is only absolutely accurate (2⁻²¹) near 1, where the
// powers of ratios |xⱼ|/max|x| in the ℓq maps mostly are.
fn log_acc(x: f32) -> f32 {
  if (x == 0.0) { return -inf_f32(); }
  if (!is_finite(x)) { return x; }
  let fr = frexp(x);
  var m = fr.fract;
  var e = f32(fr.exp);
  if (m < 0.70710678) {
    m = 2.0 * m;
    e = e - 1.0;
  }
  let s = (m - 1.0) / (m + 1.0);
  let s2 = s * s;
  var p = 1.0 / 13.0;
  p = 1.0 / 11.0 + s2 * p;
  p = 1.0 / 9.0 + s2 * p;
  p = 1.0 / 7.0 + s2 * p;
  p = 1.0 / 5.0 + s2 * p;
  p = 1.0 / 3.0 + s2 * p;
  p = 1.0 + s2 * p;
  return e * 6.9313812256e-01 + (e * 9.0580006145e-06 + 2.0 * s * p);
}

// x^y for x ≥ 0 to a few ulp where |y·ln x| is small (the ℓq maps' ratios and norms).
fn pow_acc(x: f32, y: f32) -> f32 {
  if (x == 0.0) { return select(select(inf_f32(), 1.0, y == 0.0), 0.0, y > 0.0); }
  return exp_acc(y * log_acc(x));
}

// ∇½‖x‖²_q at x = slot s (src/math/half_squared_norm_gradient.ts), in two
// parts: lp_map() reduces over the workgroup, lp_entry() gives entry j.
// kind 0: q = 2 (x itself); 1: q = ∞ (x_j at the first largest |x_j|, 0
// elsewhere); 2: q = 1 (‖x‖₁·sign x); 3: general q, with the exponents e =
// (q, 1/q, 2 − q, q − 1): sign(xⱼ)·c·(|xⱼ|/a)^(q−1), a = max|x|, c = a·(‖x‖_q/a)^(2−q).
struct LpMap {
  kind: u32,
  a: f32,
  c: f32,
  at: u32,
}

fn lp_map(lid: u32, run: u32, s: u32, kind: u32, e: vec4<f32>) -> LpMap {
  var m = LpMap(kind, 0.0, 0.0, 0xffffffffu);
  if (kind == 1u) {
    m.at = argmax_abs(lid, run, s);
  } else if (kind == 2u) {
    var l1 = 0.0;
    for (var j = lid; j < P; j += WG) { l1 += abs(slot_get(run, s, j)); }
    m.c = wg_reduce(lid, l1, 0u);
  } else if (kind == 3u) {
    var amax = 0.0;
    for (var j = lid; j < P; j += WG) { amax = max(amax, abs(slot_get(run, s, j))); }
    m.a = wg_reduce(lid, amax, 1u);
    var sum = 0.0;
    if (m.a > 0.0) {
      for (var j = lid; j < P; j += WG) { sum += pow_acc(abs(slot_get(run, s, j)) / m.a, e.x); }
    }
    let total = wg_reduce(lid, sum, 0u);
    if (m.a > 0.0) { m.c = m.a * pow_acc(pow_acc(total, e.y), e.z); }
  }
  return m;
}

fn lp_entry(m: LpMap, j: u32, x: f32, e: vec4<f32>) -> f32 {
  if (m.kind == 0u) { return x; }
  if (m.kind == 1u) { return select(0.0, x, j == m.at); }
  if (m.kind == 2u) { return m.c * sign(x); }
  if (x == 0.0 || m.a == 0.0) { return 0.0; }
  return sign(x) * m.c * pow_acc(abs(x) / m.a, e.w);
}
