// Multi-workgroup driver, for problems too large for one workgroup per step:
// each step is one pass over the data spread over B workgroups per run
// (grid x = block, y = run), each reading its rows once to form margins, loss
// derivatives and gradient contributions together, then one workgroup per run
// sums the B parts and applies the update. Normalized GD on kernels with a
// log form first finds the smallest margin (multi_min), so that the weights
// never underflow.
//
// Per step: [multi_min] → multi_partial → multi_fold → multi_update. Report:
// multi_partial with ctl.report = 1 → multi_fold → multi_report. multi_fold
// adds the B blocks' parts (gradient and Σ loss; not the min margins, which
// multi_partial has read by then) into block 0, in parallel over the
// parameters, so the update reads one part instead of B in a serial loop
// (B = 1: the host skips it).
//
// Guarded rules (steepest, coordinate, mirror): multi_update first checks the
// point multi_partial evaluated (loss and gradient finite); a step proposed
// by the previous multi_update that fails goes back to the saved point and
// the run diverges there. Then (ctl.steps ≠ 0) it saves the point and lets
// the rule propose the next. An advance ends with multi_partial →
// multi_update with ctl.steps = 0, which only checks.

override B: u32 = 1u;

// This workgroup's block, for emit_*() (loop bounds use workgroup_id: WGSL's
// uniformity analysis treats private variables as non-uniform).
var<private> cur_block: u32;

fn slot_get(run: u32, s: u32, j: u32) -> f32 {
  return state[run * SP + s * P + j];
}

fn slot_set(run: u32, s: u32, j: u32, v: f32) {
  state[run * SP + s * P + j] = v;
}

fn slot_sync() {
  storageBarrier();
}

fn param(run: u32, k: u32) -> f32 {
  return state[run * SP + k];
}

fn part_index(run: u32, block: u32) -> u32 {
  return (run * B + block) * (P + 2u);
}

fn emit_grad(run: u32, j: u32, v: f32) {
  partials[part_index(run, cur_block) + j] = v;
}

// Adds to an entry emit_grad wrote (kernels that accumulate over chunks: mlp).
fn add_grad(run: u32, j: u32, v: f32) {
  partials[part_index(run, cur_block) + j] += v;
}

fn emit_den(run: u32, v: f32) {
  partials[part_index(run, cur_block) + P] = v;
}

fn emit_min(run: u32, v: f32) {
  partials[part_index(run, cur_block) + P + 1u] = v;
}

// This block's share [lo, hi) of the row positions of the pass.
fn block_rows(span: vec2<u32>, block: u32) -> vec2<u32> {
  let count = span.y - span.x;
  let per = (count + B - 1u) / B;
  return vec2<u32>(span.x + min(block * per, count), span.x + min((block + 1u) * per, count));
}

// Σ over blocks of partial slot `slot` (op 0), or their min (op 2), to every thread.
fn sum_blocks(lid: u32, run: u32, slot: u32, op: u32) -> f32 {
  var acc = 0.0;
  if (op == 2u) { acc = inf_f32(); }
  for (var b = lid; b < B; b += WG) {
    let v = partials[part_index(run, b) + slot];
    if (op == 2u) { acc = min(acc, v); } else { acc += v; }
  }
  return wg_reduce(lid, acc, op);
}

fn pass_span(lid: u32, run: u32, full: bool) -> vec2<u32> {
  let h = load_hyper(lid, run);
  let step = bcast(lid, info[run].step);
  return step_rows(h, step, full);
}

@compute @workgroup_size(WG)
fn multi_min(@builtin(local_invocation_index) lid: u32, @builtin(workgroup_id) wid: vec3<u32>) {
  let run = wid.y;
  cur_block = wid.x;
  full_batch = !BATCHED;
  if (bcast(lid, info[run].frozen) != 0u) { return; }
  let r = block_rows(pass_span(lid, run, !BATCHED), wid.x);
  problem_min_margin(lid, run, r.x, r.y);
}

@compute @workgroup_size(WG)
fn multi_partial(@builtin(local_invocation_index) lid: u32, @builtin(workgroup_id) wid: vec3<u32>) {
  let run = wid.y;
  cur_block = wid.x;
  let report = ctl.report != 0u;
  full_batch = !BATCHED || report;
  if (!report && bcast(lid, info[run].frozen) != 0u) { return; }
  let r = block_rows(pass_span(lid, run, !BATCHED || report), wid.x);
  var shift = 0.0;
  if (MODE == 1u && SHIFTED && !report) {
    shift = max(sum_blocks(lid, run, P + 1u, 2u), 0.0);
  }
  problem_block(lid, run, r.x, r.y, shift, report || MODE == 1u || GUARDED);
}

// Columns per multi_fold workgroup (grid x = ⌈(P + 1) / FOLD_COLS⌉, y = run):
// thread (slice s, column c) = (lid / FOLD_COLS, lid % FOLD_COLS) adds blocks
// s, s + S, s + 2S, … (S = WG / FOLD_COLS slices) with four loads in flight;
// the FOLD_COLS threads of a slice read consecutive floats. At B = 1,024 and
// WG = 256 a thread adds 32 parts.
const FOLD_COLS: u32 = 8u;

@compute @workgroup_size(WG)
fn multi_fold(@builtin(local_invocation_index) lid: u32, @builtin(workgroup_id) wid: vec3<u32>) {
  let run = wid.y;
  let j = wid.x * FOLD_COLS + lid % FOLD_COLS;
  let slices = WG / FOLD_COLS;
  var acc = vec4<f32>();
  if (j <= P) {
    var b = lid / FOLD_COLS;
    for (; b + 3u * slices < B; b += 4u * slices) {
      acc += vec4<f32>(
        partials[part_index(run, b) + j],
        partials[part_index(run, b + slices) + j],
        partials[part_index(run, b + 2u * slices) + j],
        partials[part_index(run, b + 3u * slices) + j],
      );
    }
    for (; b < B; b += slices) { acc.x += partials[part_index(run, b) + j]; }
  }
  let total = strided_sum(lid, (acc.x + acc.y) + (acc.z + acc.w), FOLD_COLS);
  if (lid < FOLD_COLS && j <= P) { partials[part_index(run, 0u) + j] = total; }
}

@compute @workgroup_size(WG)
fn multi_update(@builtin(local_invocation_index) lid: u32, @builtin(workgroup_id) wid: vec3<u32>) {
  let run = wid.x;
  full_batch = !BATCHED;
  if (bcast(lid, info[run].frozen) != 0u) { return; }
  let h = load_hyper(lid, run);
  let step = bcast(lid, info[run].step);
  let span = step_rows(h, step, !BATCHED);
  var scale = 1.0;
  var bits = 0u;
  if (MODE == 1u || GUARDED) {
    let den = partials[part_index(run, 0u) + P];
    if (!is_finite(den)) { bits = 1u; }
    if (MODE == 1u) {
      scale = 1.0 / den;
      if (!(den > 0.0)) { bits = 1u; }
    } else if (MEAN) {
      scale = 1.0 / f32(span.y - span.x);
    }
  } else if (MEAN) {
    scale = 1.0 / f32(span.y - span.x);
  }
  for (var j = lid; j < P; j += WG) {
    let g = partials[part_index(run, 0u) + j] * scale;
    slot_set(run, SLOT_G, j, g);
    if (!(abs(g) <= GRAD_MAX)) { bits |= 1u; }
    if (g != 0.0) { bits |= 2u; }
  }
  let flags = wg_or(lid, bits);
  let aux = bcast(lid, info[run].aux);
  if (GUARDED) {
    let pending = bcast(lid, info[run].pending);
    if ((flags & 1u) != 0u) {
      if (pending != 0u) { restore_point(lid, run); }
      // (A frozen run never steps again: its aux word no longer matters.)
      if (lid == 0u) {
        info[run].frozen = 1u;
        info[run].pending = 0u;
        if (pending != 0u) { info[run].step = step - 1u; }
      }
      return;
    }
    if (ctl.steps == 0u) {
      if (lid == 0u) { info[run].pending = 0u; }
      return;
    }
    save_point(lid, run);
  } else if ((flags & 1u) != 0u) {
    if (lid == 0u) { info[run].frozen = 1u; }
    return;
  }
  slot_sync();
  let next = opt_update(lid, run, h, step, aux);
  if (lid == 0u) {
    info[run].step = step + 1u;
    info[run].aux = next;
    if (GUARDED) { info[run].pending = 1u; }
    if ((flags & 2u) == 0u) { info[run].underflow += 1u; }
  }
}

@compute @workgroup_size(WG)
fn multi_report(@builtin(local_invocation_index) lid: u32, @builtin(workgroup_id) wid: vec3<u32>) {
  let run = wid.x;
  var scale = 1.0;
  if (MEAN) { scale = 1.0 / f32(N); }
  let loss = partials[part_index(run, 0u) + P] * scale;
  var m = 0.0;
  for (var j = lid; j < P; j += WG) {
    m = max(m, abs(partials[part_index(run, 0u) + j] * scale));
  }
  let gmax = wg_reduce(lid, m, 1u);
  var ssq = 0.0;
  if (gmax > 0.0) {
    for (var j = lid; j < P; j += WG) {
      let r = partials[part_index(run, 0u) + j] * scale / gmax;
      ssq += r * r;
    }
  }
  let gssq = wg_reduce(lid, ssq, 0u);
  if (lid == 0u) {
    info[run].loss = loss;
    info[run].gmax = gmax;
    info[run].gssq = gssq;
  }
}
