// The wide-net (`mlp`) path's per-parameter passes, spread over many
// workgroups (grid stride): `check` (Path-SGD's s = g/γ, g where γ = 0, then
// whether the step's gradient is finite and whether it is all zero, as flags)
// and `update` (skipped for every parameter when the flag says not finite:
// the run is then frozen at this step, as the CPU engine stops), PyTorch's
// momentum b ← μb + s, direction b (g + μb with Nesterov), and a
// Kahan-compensated w ← w − lr·direction with w = hi − c. Invocation 0 counts
// the step (or a grad_underflow step) and clears the other step parity's flags,
// so that no dispatch reads flags another one is resetting.
// Host: src/webgpu/_mlp_tiled_batch.ts.

struct Upd {
  p: u32,          // parameters
  parity: u32,     // the step's flag pair: 0 or 1, alternating
  path: u32,       // 1: Path-SGD (divide by γ)
  nesterov: u32,
  lr: f32,
  momentum: f32,
  zero: u32,       // always 0 (keeps the compensation from being folded away)
  threads: u32,    // invocations dispatched (grid stride)
}

// st: [0] steps taken, [1] frozen (1 diverged, 2 retired), [2] steps with an all-zero gradient,
// [3] unused, [4 + 2q] not finite, [5 + 2q] some entry non-zero, for parity q.
@group(0) @binding(0) var<uniform> u: Upd;
@group(0) @binding(1) var<storage, read_write> st: array<atomic<u32>, 8>;
@group(0) @binding(2) var<storage, read_write> grad: array<f32>;
@group(0) @binding(3) var<storage, read> gamma: array<f32>;
@group(0) @binding(4) var<storage, read_write> hi: array<f32>;
@group(0) @binding(5) var<storage, read_write> comp: array<f32>;
@group(0) @binding(6) var<storage, read_write> mom: array<f32>;
@group(0) @binding(7) var<storage, read_write> steps: array<u32>;

fn is_finite(x: f32) -> bool {
  return (bitcast<u32>(x) & 0x7f800000u) != 0x7f800000u;
}

fn opaque(x: f32) -> f32 {
  return bitcast<f32>(bitcast<u32>(x) ^ u.zero);
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
    bad = bad || !is_finite(s);
    nonzero = nonzero || s != 0.0;
  }
  if (bad) { atomicOr(&st[4u + 2u * u.parity], 1u); }
  if (nonzero) { atomicOr(&st[5u + 2u * u.parity], 1u); }
}

@compute @workgroup_size(64)
fn update(@builtin(global_invocation_id) gid: vec3<u32>) {
  let bad = atomicLoad(&st[4u + 2u * u.parity]) != 0u;
  let frozen = atomicLoad(&st[1]) != 0u;
  if (!bad && !frozen) {
    for (var j = gid.x; j < u.p; j += u.threads) {
      let g = grad[j];
      var d = g;
      if (u.momentum != 0.0) {
        let b = u.momentum * mom[j] + g;
        mom[j] = b;
        d = select(b, g + u.momentum * b, u.nesterov != 0u);
      }
      let h = hi[j];
      let y = -u.lr * d - comp[j];
      let t = opaque(h + y);
      comp[j] = opaque(t - h) - y;
      hi[j] = t;
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
