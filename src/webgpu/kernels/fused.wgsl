// Fused driver: one workgroup per run takes `ctl.steps` optimizer steps in a
// loop, its parameters, compensation, momentum and gradient in workgroup
// memory. Dispatch one workgroup per run (x = run).
//
// Each step: rows of the step → (normalized GD: smallest margin → shift) →
// problem_block() writes the gradient into wgrad → check it (not finite: the
// run diverges at this step and keeps its parameters; all zero: count an
// underflow) → momentum and a Kahan-compensated update.

var<workgroup> wp: array<f32, P>;
var<workgroup> wcmp: array<f32, P>;
var<workgroup> wmom: array<f32, P>;
var<workgroup> wgrad: array<f32, P>;
var<workgroup> wden: f32;
var<workgroup> wmin: f32;

fn param(run: u32, k: u32) -> f32 {
  return wp[k];
}

fn emit_grad(run: u32, j: u32, v: f32) {
  wgrad[j] = v;
}

fn emit_den(run: u32, v: f32) {
  wden = v;
}

fn emit_min(run: u32, v: f32) {
  wmin = v;
}

@compute @workgroup_size(WG)
fn fused_steps(@builtin(local_invocation_index) lid: u32, @builtin(workgroup_id) wid: vec3<u32>) {
  let run = wid.x;
  let base = run * 4u * P;
  full_batch = !BATCHED;
  if (bcast(lid, info[run].frozen) != 0u) { return; }
  for (var j = lid; j < P; j += WG) {
    wp[j] = state[base + j];
    wcmp[j] = state[base + P + j];
    wmom[j] = state[base + 2u * P + j];
  }
  let h = load_hyper(lid, run);
  var step = bcast(lid, info[run].step);
  var underflow = 0u;
  var frozen = 0u;
  for (var s = 0u; s < ctl.steps; s++) {
    let span = step_rows(h, step, !BATCHED);
    var shift = 0.0;
    if (MODE == 1u && SHIFTED) {
      problem_min_margin(lid, run, span.x, span.y);
      shift = max(workgroupUniformLoad(&wmin), 0.0);
    }
    problem_block(lid, run, span.x, span.y, shift, MODE == 1u);
    workgroupBarrier();
    var scale = 1.0;
    if (MODE == 1u) {
      scale = 1.0 / wden;
    } else if (MEAN) {
      scale = 1.0 / f32(span.y - span.x);
    }
    var bits = 0u;
    if (MODE == 1u && !(is_finite(wden) && wden > 0.0)) { bits = 1u; }
    for (var j = lid; j < P; j += WG) {
      let g = wgrad[j] * scale;
      if (!is_finite(g)) { bits |= 1u; }
      if (g != 0.0) { bits |= 2u; }
    }
    let flags = wg_or(lid, bits);
    if ((flags & 1u) != 0u) {
      frozen = 1u;
      break;
    }
    if ((flags & 2u) == 0u) { underflow += 1u; }
    for (var j = lid; j < P; j += WG) {
      let dm = momentum_direction(wgrad[j] * scale, wmom[j], h.momentum, h.nesterov);
      wmom[j] = dm.y;
      let w = kahan_add(wp[j], wcmp[j], -h.lr * dm.x);
      wp[j] = w.x;
      wcmp[j] = w.y;
    }
    workgroupBarrier();
    step += 1u;
  }
  for (var j = lid; j < P; j += WG) {
    state[base + j] = wp[j];
    state[base + P + j] = wcmp[j];
    state[base + 2u * P + j] = wmom[j];
  }
  if (lid == 0u) {
    info[run].step = step;
    info[run].frozen = frozen;
    info[run].underflow += underflow;
  }
}

// Loss and gradient norm of each run at its current parameters over all rows
// (also for SGD), into info. Does not step.
@compute @workgroup_size(WG)
fn fused_report(@builtin(local_invocation_index) lid: u32, @builtin(workgroup_id) wid: vec3<u32>) {
  let run = wid.x;
  let base = run * 4u * P;
  full_batch = true;
  for (var j = lid; j < P; j += WG) {
    wp[j] = state[base + j];
  }
  workgroupBarrier();
  problem_block(lid, run, 0u, N, 0.0, true);
  workgroupBarrier();
  var scale = 1.0;
  if (MEAN) { scale = 1.0 / f32(N); }
  var m = 0.0;
  for (var j = lid; j < P; j += WG) {
    m = max(m, abs(wgrad[j] * scale));
  }
  let gmax = wg_reduce(lid, m, 1u);
  var ssq = 0.0;
  if (gmax > 0.0) {
    for (var j = lid; j < P; j += WG) {
      let r = wgrad[j] * scale / gmax;
      ssq += r * r;
    }
  }
  let gssq = wg_reduce(lid, ssq, 0u);
  if (lid == 0u) {
    info[run].loss = wden * scale;
    info[run].gmax = gmax;
    info[run].gssq = gssq;
  }
}
