// Problem kernel: binary classification with a homogeneous linear predictor,
// L(w) = Σₙ ℓ(uₙ) with margins uₙ = ⟨zₙ, w⟩, zₙ = yₙxₙ, and ℓ(u) = log(1 + e⁻ᵘ)
// (LOSS 0) or e⁻ᵘ (LOSS 1). Host: linear_classification.ts.
//
// Implements the two hooks every problem kernel provides to the drivers:
//   problem_block(lid, run, lo, hi, shift, want_den): for the rows at
//     positions [lo, hi), emit_grad(run, j, Σ ℓ'(uₙ)·e^shift·zₙⱼ) for every j
//     and (want_den) emit_den(run, Σ ℓ(uₙ)·e^shift);
//   problem_min_margin(lid, run, lo, hi): emit_min(run, minₙ uₙ).
// A row's margin is formed by LANES threads together; a chunk holds
// WG / LANES rows; the gradient is summed by (column, slice) threads.

override D: u32 = 1u;      // features = parameters
override LOSS: u32 = 0u;   // 0 logistic, 1 exponential
override LANES: u32 = 1u;  // threads per row's dot product, a power of two ≤ WG
// (An override, not max(WG, D) in the array type: naga 29 panics on the latter.)
override LC_PART: u32 = max(WG, D);

@group(0) @binding(8) var<storage, read> lc_z: array<f32>;  // zₙ = yₙxₙ, row-major N × D

var<workgroup> lc_s: array<f32, WG>;
var<workgroup> lc_row: array<u32, WG>;
var<workgroup> lc_part: array<f32, LC_PART>;

// ℓ'(u)·e^shift, stably (shift is 0, or a lower bound > 0 of every margin).
fn lc_deriv(u: f32, shift: f32) -> f32 {
  if (LOSS == 1u) { return -exp_acc(shift - u); }
  if (u >= 0.0) { return -exp_acc(shift - u) / (1.0 + exp_acc(-u)); }
  return -1.0 / (1.0 + exp_acc(u));
}

// ℓ(u)·e^shift, stably: softplus(−u) = max(−u, 0) + log1p(e^−|u|).
fn lc_loss(u: f32, shift: f32) -> f32 {
  if (LOSS == 1u) { return exp_acc(shift - u); }
  if (u >= 0.0) {
    let t = exp_acc(-u);
    let e = exp_acc(shift - u);
    if (t == 0.0) { return e; }
    return e * (log1p_pos(t) / t);
  }
  return -u + log1p_pos(exp_acc(u));
}

// Margins of the rows at positions [c, c + count), count ≤ WG / LANES: thread
// (r, lane) = (lid / LANES, lid % LANES) sums every LANES-th product of row r,
// the lanes reduce in red_f. Returns uᵣ to every lane of row r, and leaves
// the rows' indices in lc_row.
fn lc_margins(lid: u32, run: u32, c: u32, count: u32) -> f32 {
  let r = lid / LANES;
  let lane = lid % LANES;
  var acc = 0.0;
  if (r < count) {
    let row = row_at(run, c + r);
    if (lane == 0u) { lc_row[r] = row; }
    let base = row * D;
    for (var k = lane; k < D; k += LANES) {
      acc += lc_z[base + k] * param(run, k);
    }
  }
  red_f[lid] = acc;
  for (var h = LANES / 2u; h > 0u; h = h / 2u) {
    workgroupBarrier();
    if (lane < h) { red_f[lid] += red_f[lid + h]; }
  }
  workgroupBarrier();
  let u = red_f[r * LANES];
  workgroupBarrier();
  return u;
}

fn problem_min_margin(lid: u32, run: u32, lo: u32, hi: u32) {
  let rows_per_chunk = WG / LANES;
  var m = inf_f32();
  for (var c = lo; c < hi; c += rows_per_chunk) {
    let count = min(rows_per_chunk, hi - c);
    let u = lc_margins(lid, run, c, count);
    if (lid / LANES < count) { m = min(m, u); }
  }
  let total = wg_reduce(lid, m, 2u);
  if (lid == 0u) { emit_min(run, total); }
}

fn problem_block(lid: u32, run: u32, lo: u32, hi: u32, shift: f32, want_den: bool) {
  let rows_per_chunk = WG / LANES;
  // Column j0 of slice sl: slices split a chunk's rows; with D > WG a thread owns columns j0, j0 + WG, …
  let cols = min(D, WG);
  let slices = WG / cols;
  let j0 = lid % cols;
  let sl = lid / cols;
  let mine = sl < slices;
  if (mine) {
    for (var j = j0; j < D; j += WG) { lc_part[sl * D + j] = 0.0; }
  }
  var den = 0.0;
  for (var c = lo; c < hi; c += rows_per_chunk) {
    let count = min(rows_per_chunk, hi - c);
    let u = lc_margins(lid, run, c, count);
    let r = lid / LANES;
    if (lid % LANES == 0u) {
      var s = 0.0;
      if (r < count) {
        s = lc_deriv(u, shift);
        if (want_den) { den += lc_loss(u, shift); }
      }
      lc_s[r] = s;
    }
    workgroupBarrier();
    if (mine) {
      for (var j = j0; j < D; j += WG) {
        var acc = lc_part[sl * D + j];
        for (var t = sl; t < count; t += slices) {
          acc += lc_s[t] * lc_z[lc_row[t] * D + j];
        }
        lc_part[sl * D + j] = acc;
      }
    }
    workgroupBarrier();
  }
  workgroupBarrier();
  if (sl == 0u) {
    for (var j = j0; j < D; j += WG) {
      var g = 0.0;
      for (var q = 0u; q < slices; q++) { g += lc_part[q * D + j]; }
      emit_grad(run, j, g);
    }
  }
  var total = 0.0;
  if (want_den) { total = wg_reduce(lid, den, 0u); }
  if (lid == 0u) { emit_den(run, total); }
}
