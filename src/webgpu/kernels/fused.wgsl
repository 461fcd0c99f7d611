// Fused driver: one workgroup per run takes `ctl.steps` optimizer steps in a
// loop, the run's state slots (parameters, compensation, gradient, the update
// rule's) in workgroup memory. Dispatch one workgroup per run (x = run).
//
// Each step: rows of the step → (normalized GD: smallest margin → shift) →
// problem_block() writes the gradient into slot 2 → scale and check it (not
// finite: the run diverges at this step and keeps its parameters; all zero:
// count an underflow) → the update rule's opt_update().
//
// Guarded rules (GUARDED: steepest, coordinate, mirror; as the CPU's
// guardedDescent) check the current point once (its loss and gradient must be
// finite), then per step save the point, let opt_update() propose the next,
// and evaluate loss and gradient there: not finite, the run goes back to the
// saved point and diverges at this step; finite, that gradient is the next
// step's.

var<workgroup> ws: array<f32, SP>;
var<workgroup> wden: f32;
var<workgroup> wmin: f32;

fn slot_get(run: u32, s: u32, j: u32) -> f32 {
  return ws[s * P + j];
}

fn slot_set(run: u32, s: u32, j: u32, v: f32) {
  ws[s * P + j] = v;
}

fn slot_sync() {
  workgroupBarrier();
}

fn param(run: u32, k: u32) -> f32 {
  return ws[k];
}

fn emit_grad(run: u32, j: u32, v: f32) {
  ws[SLOT_G * P + j] = v;
}

// Adds to an entry emit_grad wrote (kernels that accumulate over chunks: mlp).
fn add_grad(run: u32, j: u32, v: f32) {
  ws[SLOT_G * P + j] += v;
}

fn emit_den(run: u32, v: f32) {
  wden = v;
}

fn emit_min(run: u32, v: f32) {
  wmin = v;
}

// The gradient over the rows at positions [span.x, span.y), scaled (mean, or
// ∇log L), into slot 2. Returns (uniformly) bit 1 when it (or with
// `check_loss` the loss) is not finite, or some |∂ⱼL| exceeds what the update
// rule takes (GRAD_MAX), and bit 2 when some entry is nonzero.
fn eval_grad(lid: u32, run: u32, span: vec2<u32>, check_loss: bool) -> u32 {
  var shift = 0.0;
  if (MODE == 1u && SHIFTED) {
    problem_min_margin(lid, run, span.x, span.y);
    shift = max(workgroupUniformLoad(&wmin), 0.0);
  }
  problem_block(lid, run, span.x, span.y, shift, MODE == 1u || check_loss);
  workgroupBarrier();
  var scale = 1.0;
  if (MODE == 1u) {
    scale = 1.0 / wden;
  } else if (MEAN) {
    scale = 1.0 / f32(span.y - span.x);
  }
  var bits = 0u;
  if (MODE == 1u && !(is_finite(wden) && wden > 0.0)) { bits = 1u; }
  if (check_loss && !is_finite(wden)) { bits = 1u; }
  for (var j = lid; j < P; j += WG) {
    let g = ws[SLOT_G * P + j] * scale;
    ws[SLOT_G * P + j] = g;
    if (!(abs(g) <= GRAD_MAX)) { bits |= 1u; }
    if (g != 0.0) { bits |= 2u; }
  }
  return wg_or(lid, bits);
}

@compute @workgroup_size(WG)
fn fused_steps(@builtin(local_invocation_index) lid: u32, @builtin(workgroup_id) wid: vec3<u32>) {
  let run = wid.x;
  let base = run * SP;
  full_batch = !BATCHED;
  if (bcast(lid, info[run].frozen) != 0u) { return; }
  for (var i = lid; i < SP; i += WG) {
    ws[i] = state[base + i];
  }
  let h = load_hyper(lid, run);
  var step = bcast(lid, info[run].step);
  var aux = bcast(lid, info[run].aux);
  var underflow = 0u;
  var frozen = 0u;
  var steps = ctl.steps;
  var flags = 0u;
  if (GUARDED) {
    flags = eval_grad(lid, run, vec2<u32>(0u, N), true);
    if ((flags & 1u) != 0u) {
      frozen = 1u;
      steps = 0u;
    }
  }
  for (var s = 0u; s < steps; s++) {
    if (GUARDED) {
      if ((flags & 2u) == 0u) { underflow += 1u; }
      save_point(lid, run);
      let next = opt_update(lid, run, h, step, aux);
      workgroupBarrier();
      flags = eval_grad(lid, run, vec2<u32>(0u, N), true);
      if ((flags & 1u) != 0u) {
        restore_point(lid, run);
        frozen = 1u;
        break;
      }
      aux = next;
    } else {
      flags = eval_grad(lid, run, step_rows(h, step, !BATCHED), false);
      if ((flags & 1u) != 0u) {
        frozen = 1u;
        break;
      }
      if ((flags & 2u) == 0u) { underflow += 1u; }
      aux = opt_update(lid, run, h, step, aux);
      workgroupBarrier();
    }
    step += 1u;
  }
  workgroupBarrier();
  for (var i = lid; i < SP; i += WG) {
    state[base + i] = ws[i];
  }
  if (lid == 0u) {
    info[run].step = step;
    info[run].frozen = frozen;
    info[run].underflow += underflow;
    info[run].aux = aux;
  }
}

// Loss and gradient norm of each run at its current parameters over all rows
// (also for SGD), into info. Does not step.
@compute @workgroup_size(WG)
fn fused_report(@builtin(local_invocation_index) lid: u32, @builtin(workgroup_id) wid: vec3<u32>) {
  let run = wid.x;
  let base = run * SP;
  full_batch = true;
  for (var j = lid; j < P; j += WG) {
    ws[j] = state[base + j];
  }
  workgroupBarrier();
  problem_block(lid, run, 0u, N, 0.0, true);
  workgroupBarrier();
  var scale = 1.0;
  if (MEAN) { scale = 1.0 / f32(N); }
  var m = 0.0;
  for (var j = lid; j < P; j += WG) {
    m = max(m, abs(ws[SLOT_G * P + j] * scale));
  }
  let gmax = wg_reduce(lid, m, 1u);
  var ssq = 0.0;
  if (gmax > 0.0) {
    for (var j = lid; j < P; j += WG) {
      let r = ws[SLOT_G * P + j] * scale / gmax;
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
