// Shared by row-linear problem kernels, whose loss is a sum over rows of a
// function of one linear form: L = Σₙ ℓₙ(uₙ), uₙ = ⟨aₙ, β⟩, with the rows aₙ
// at binding 8 (row-major N × D). Host: _linear_rows.ts.
//
// lr_block and lr_min_margin do one pass over a block of rows; they call
// functions the composing kernel defines:
//   fn row_weight(run: u32, k: u32) -> f32              βₖ (linear_model.wgsl:
//     the parameters themselves; nets: their end-to-end predictor)
//   fn row_grad(run: u32, j: u32, g: f32)               receives Σ ℓₙ'(uₙ)·aₙⱼ·e^shift
//     for every j < D, from some thread (call a barrier before reading it back)
//   fn row_deriv(u: f32, row: u32, shift: f32) -> f32   ℓₙ'(u)·e^shift
//   fn row_loss(u: f32, row: u32, shift: f32) -> f32    ℓₙ(u)·e^shift
//   fn row_margin(u: f32, row: u32) -> f32              the margin m whose
//     minimum is the shift of ∇log L (kinds without a log form: any value)
// A row's form uₙ is summed by LANES threads together; a chunk holds
// WG / LANES rows; the gradient Σ ℓₙ'(uₙ)·aₙ is summed by (column, slice)
// threads, so each chunk reads its rows once for both.

override D: u32 = 1u;      // columns of A = parameters
override LANES: u32 = 1u;  // threads per row's dot product, a power of two ≤ WG
// (An override, not max(WG, D) in the array type: naga 29 panics on the latter.)
override LR_PART: u32 = max(WG, D);
// The register row pass (lr_pass; linear models on the multi-workgroup path):
// threads per row, and whether problem_block uses it.
override RP_LANES: u32 = 1u;
override ROW_PASS: bool = false;
// Columns one thread of lr_pass holds in registers: D ≤ RP_MAX · RP_LANES.
const RP_MAX: u32 = 8u;

@group(0) @binding(8) var<storage, read> lr_a: array<f32>;

var<workgroup> lr_s: array<f32, WG>;
var<workgroup> lr_row: array<u32, WG>;
var<workgroup> lr_part: array<f32, LR_PART>;

// Forms of the rows at positions [c, c + count), count ≤ WG / LANES: thread
// (r, lane) = (lid / LANES, lid % LANES) sums every LANES-th product of row r,
// the lanes reduce in red_f. Returns uᵣ to every lane of row r, and leaves
// the rows' indices in lr_row.
fn lr_forms(lid: u32, run: u32, c: u32, count: u32) -> f32 {
  let r = lid / LANES;
  let lane = lid % LANES;
  var acc = 0.0;
  if (r < count) {
    let row = row_at(run, c + r);
    if (lane == 0u) { lr_row[r] = row; }
    let base = row * D;
    for (var k = lane; k < D; k += LANES) {
      acc += lr_a[base + k] * row_weight(run, k);
    }
  }
  return group_sum(lid, acc, LANES);
}

// The smallest row_margin over the rows at positions [lo, hi), emitted.
fn lr_min_margin(lid: u32, run: u32, lo: u32, hi: u32) {
  let rows_per_chunk = WG / LANES;
  var m = inf_f32();
  for (var c = lo; c < hi; c += rows_per_chunk) {
    let count = min(rows_per_chunk, hi - c);
    let u = lr_forms(lid, run, c, count);
    let r = lid / LANES;
    if (r < count) { m = min(m, row_margin(u, lr_row[r])); }
  }
  let total = wg_reduce(lid, m, 2u);
  if (lid == 0u) { emit_min(run, total); }
}

// Σ ℓₙ'·aₙ·e^shift over the rows at positions [lo, hi) into row_grad, and
// (want_den) Σ ℓₙ·e^shift emitted from thread 0.
fn lr_block(lid: u32, run: u32, lo: u32, hi: u32, shift: f32, want_den: bool) {
  let rows_per_chunk = WG / LANES;
  // Column j0 of slice sl: slices split a chunk's rows; with D > WG a thread owns columns j0, j0 + WG, …
  let cols = min(D, WG);
  let slices = WG / cols;
  let j0 = lid % cols;
  let sl = lid / cols;
  let mine = sl < slices;
  if (mine) {
    for (var j = j0; j < D; j += WG) { lr_part[sl * D + j] = 0.0; }
  }
  var den = 0.0;
  for (var c = lo; c < hi; c += rows_per_chunk) {
    let count = min(rows_per_chunk, hi - c);
    let u = lr_forms(lid, run, c, count);
    let r = lid / LANES;
    if (lid % LANES == 0u) {
      var s = 0.0;
      if (r < count) {
        s = row_deriv(u, lr_row[r], shift);
        if (want_den) { den += row_loss(u, lr_row[r], shift); }
      }
      lr_s[r] = s;
    }
    workgroupBarrier();
    if (mine) {
      for (var j = j0; j < D; j += WG) {
        var acc = lr_part[sl * D + j];
        for (var t = sl; t < count; t += slices) {
          acc += lr_s[t] * lr_a[lr_row[t] * D + j];
        }
        lr_part[sl * D + j] = acc;
      }
    }
    workgroupBarrier();
  }
  if (D <= WG && (D & (D - 1u)) == 0u) {
    // Every thread is a (slice, column) with lid = slice·D + column and reads only its own lr_part entry (no
    // barrier first): one strided reduction.
    let g = strided_sum(lid, lr_part[lid], D);
    if (lid < D) { row_grad(run, lid, g); }
  } else {
    workgroupBarrier();
    if (sl == 0u) {
      for (var j = j0; j < D; j += WG) {
        var g = 0.0;
        for (var q = 0u; q < slices; q++) { g += lr_part[q * D + j]; }
        row_grad(run, j, g);
      }
    }
  }
  var total = 0.0;
  if (want_den) { total = wg_reduce(lid, den, 0u); }
  if (lid == 0u) { emit_den(run, total); }
}

// The register row pass: Σ ℓₙ'·aₙ·e^shift over the rows at positions [lo, hi)
// into row_grad and (want_den) Σ ℓₙ·e^shift, reading each row once. Thread
// (group, lane) = (lid / RP_LANES, lid % RP_LANES) holds βₖ and its gradient
// sum for the columns k = lane + i·RP_LANES (i < RP_MAX) in registers; each
// group takes every (WG / RP_LANES)-th row: loads the row's columns into
// registers, forms uₙ with its lanes (group_sum: shuffles when the lanes fit
// a subgroup), and adds ℓₙ'(uₙ)·aₙₖ to its sums. One strided reduction per
// column slot over the groups at the end.
fn lr_pass(lid: u32, run: u32, lo: u32, hi: u32, shift: f32, want_den: bool) {
  let lane = lid % RP_LANES;
  let groups = WG / RP_LANES;
  var w: array<f32, RP_MAX>;
  var g: array<f32, RP_MAX>;
  for (var i = 0u; i < RP_MAX; i++) {
    let k = lane + i * RP_LANES;
    if (k < D) { w[i] = row_weight(run, k); }
  }
  var den = 0.0;
  let iters = (hi - lo + groups - 1u) / groups;
  for (var t = 0u; t < iters; t++) {
    let p = lo + t * groups + lid / RP_LANES;
    var x: array<f32, RP_MAX>;
    var dot = 0.0;
    var row = 0u;
    if (p < hi) {
      row = row_at(run, p);
      let base = row * D;
      for (var i = 0u; i < RP_MAX; i++) {
        let k = lane + i * RP_LANES;
        if (k < D) { x[i] = lr_a[base + k]; }
        dot += x[i] * w[i];
      }
    }
    let u = group_sum(lid, dot, RP_LANES);
    if (p < hi) {
      let s = row_deriv(u, row, shift);
      if (want_den && lane == 0u) { den += row_loss(u, row, shift); }
      for (var i = 0u; i < RP_MAX; i++) { g[i] += s * x[i]; }
    }
  }
  for (var i = 0u; i < RP_MAX; i++) {
    if (i * RP_LANES < D) {
      let total = strided_sum(lid, g[i], RP_LANES);
      if (lid < RP_LANES && lid + i * RP_LANES < D) { row_grad(run, lid + i * RP_LANES, total); }
    }
  }
  var total = 0.0;
  if (want_den) { total = wg_reduce(lid, den, 0u); }
  if (lid == 0u) { emit_den(run, total); }
}
