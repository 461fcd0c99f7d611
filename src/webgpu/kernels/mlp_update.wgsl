// The wide-net (`mlp`) path's per-parameter passes, spread over many
// workgroups (grid stride): `check` (Path-SGD's s = g/γ, g where γ = 0, then
// whether the step's gradient is finite and within the rule's limit, and
// whether it is all zero, as flags) and `update` (skipped for every parameter
// when the flag says not finite: the run is then frozen at this step, as the
// CPU engine stops), the rule as the row kernel's (optimizers/*.wgsl):
//   0 momentum (gd, sgd, path-sgd): b ← μb + s, direction b (g + μb with Nesterov)
//   2 adam, 3 adagrad, 4 rmsprop (variant 1: centered), their averages and sums compensated
// then a Kahan-compensated w ← w − step with w = hi − c. Invocation 0 counts the
// step (or a grad_underflow step) and clears the other step parity's flags, so
// that no dispatch reads flags another one is resetting. Host: _mlp_tiled_run.ts.

struct Upd {
  p: u32,          // parameters
  parity: u32,     // the step's flag pair: 0 or 1, alternating
  path: u32,       // 1: Path-SGD (divide by γ)
  nesterov: u32,
  lr: f32,
  momentum: f32,
  zero: u32,       // always 0 (keeps the compensation from being folded away)
  threads: u32,    // invocations dispatched (grid stride)
  rule: u32,       // 0 momentum, 2 adam, 3 adagrad, 4 rmsprop
  variant: u32,    // rmsprop: 1 centered
  glimit: f32,     // the largest |gⱼ| the rule takes (adaptive rules square it)
  c0: f32,         // the rule's constants, as its GpuOptimizer.hyper() gives them
  c1: f32,
  c2: f32,
  c3: f32,
  c4: f32,
}

// st: [0] steps taken, [1] frozen (1 diverged, 2 retired), [2] steps with an all-zero gradient,
// [3] the steps taken before this step (copied by `check`, for Adam's t), [4 + 2q] not finite,
// [5 + 2q] some entry non-zero, for parity q.
@group(0) @binding(0) var<uniform> u: Upd;
@group(0) @binding(1) var<storage, read_write> st: array<atomic<u32>, 8>;
@group(0) @binding(2) var<storage, read_write> grad: array<f32>;
@group(0) @binding(3) var<storage, read> gamma: array<f32>;
@group(0) @binding(4) var<storage, read_write> hi: array<f32>;
@group(0) @binding(5) var<storage, read_write> comp: array<f32>;
// The rule's slots, slot s of parameter j at s·p + j (compensated pairs: head at s, compensation at s + 1).
@group(0) @binding(6) var<storage, read_write> opt: array<f32>;
@group(0) @binding(7) var<storage, read_write> steps: array<u32>;

fn runtime_zero() -> u32 {
  return u.zero;
}

fn opaque(x: f32) -> f32 {
  return bitcast<f32>(bitcast<u32>(x) ^ u.zero);
}

// Kahan: (hi, c) with value hi − c, plus delta.
fn kahan_add(h: f32, c: f32, delta: f32) -> vec2<f32> {
  let y = delta - c;
  let t = opaque(h + y);
  return vec2<f32>(t, opaque(t - h) - y);
}

fn slot(s: u32, j: u32) -> f32 {
  return opt[s * u.p + j];
}

fn set_slot(s: u32, j: u32, v: f32) {
  opt[s * u.p + j] = v;
}

fn comp_get(s: u32, j: u32) -> f32 {
  return slot(s, j) - slot(s + 1u, j);
}

fn comp_add(s: u32, j: u32, delta: f32) {
  let r = kahan_add(slot(s, j), slot(s + 1u, j), delta);
  set_slot(s, j, r.x);
  set_slot(s + 1u, j, r.y);
}

// x ← x + a·(goal − x) on a compensated pair (update.wgsl's comp_lerp).
fn comp_lerp(s: u32, j: u32, goal: f32, a: f32) {
  let head = slot(s, j);
  let c = slot(s + 1u, j);
  let r = kahan_add(head, c, a * ((goal - head) + c));
  set_slot(s, j, r.x);
  set_slot(s + 1u, j, r.y);
}

@compute @workgroup_size(64)
fn check(@builtin(global_invocation_id) gid: vec3<u32>) {
  var bad = false;
  var nonzero = false;
  for (var j = gid.x; j < u.p; j += u.threads) {
    var s = grad[j];
    if (u.path == 1u) {
      let gam = gamma[j];
      s = select(s, s / gam, gam > 0.0);
      grad[j] = s;
    }
    bad = bad || !is_finite(s) || abs(s) > u.glimit;
    nonzero = nonzero || s != 0.0;
  }
  if (bad) { atomicOr(&st[4u + 2u * u.parity], 1u); }
  if (nonzero) { atomicOr(&st[5u + 2u * u.parity], 1u); }
  if (gid.x == 0u) { atomicStore(&st[3], atomicLoad(&st[0])); }
}

// The step −Δw of parameter j with gradient g.
fn rule_step(j: u32, g: f32, t: f32) -> f32 {
  if (u.rule == 2u) {
    let step_size = u.lr / -expm1_acc(t * u.c3);
    let bc2 = sqrt(-expm1_acc(t * u.c4));
    comp_lerp(0u, j, g, u.c0);
    comp_lerp(2u, j, g * g, u.c1);
    let den = sqrt(comp_get(2u, j)) / bc2 + u.c2;
    return select(0.0, step_size * (comp_get(0u, j) / den), den > 0.0);
  }
  if (u.rule == 3u) {
    comp_add(0u, j, g * g);
    let den = sqrt(comp_get(0u, j)) + u.c0;
    return select(0.0, u.lr * (g / den), den > 0.0);
  }
  if (u.rule == 4u) {
    let a = u.c0;
    if (u.variant == 1u) {
      let delta = (g - slot(2u, j)) + slot(3u, j);
      comp_lerp(2u, j, g, a);
      comp_lerp(0u, j, (1.0 - a) * (delta * delta), a);
    } else {
      comp_lerp(0u, j, g * g, a);
    }
    let avg = sqrt(comp_get(0u, j)) + u.c1;
    var d = select(0.0, g / avg, avg > 0.0);
    if (u.momentum != 0.0) {
      d = u.momentum * slot(4u, j) + d;
      set_slot(4u, j, d);
    }
    return u.lr * d;
  }
  var d = g;
  if (u.momentum != 0.0) {
    let b = u.momentum * slot(0u, j) + g;
    set_slot(0u, j, b);
    d = select(b, g + u.momentum * b, u.nesterov != 0u);
  }
  return u.lr * d;
}

@compute @workgroup_size(64)
fn update(@builtin(global_invocation_id) gid: vec3<u32>) {
  let bad = atomicLoad(&st[4u + 2u * u.parity]) != 0u;
  let frozen = atomicLoad(&st[1]) != 0u;
  if (!bad && !frozen) {
    let t = f32(atomicLoad(&st[3]) + 1u);
    for (var j = gid.x; j < u.p; j += u.threads) {
      let r = kahan_add(hi[j], comp[j], -rule_step(j, grad[j], t));
      hi[j] = r.x;
      comp[j] = r.y;
    }
  }
  if (gid.x == 0u) {
    if (!frozen) {
      if (bad) {
        atomicStore(&st[1], 1u);
      } else {
        atomicAdd(&st[0], 1u);
        if (atomicLoad(&st[5u + 2u * u.parity]) == 0u) { atomicAdd(&st[2], 1u); }
      }
    }
    let other = 1u - u.parity;
    atomicStore(&st[4u + 2u * other], 0u);
    atomicStore(&st[5u + 2u * other], 0u);
    steps[0] = steps[0] + 1u;
  }
}
