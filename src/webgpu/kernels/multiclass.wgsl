// Problem kernel: softmax cross-entropy with a linear predictor W ∈ ℝ^{K×D}
// (flat parameters row-major, row c being w_c), ℓₙ = log Σ_c e^{s_c} − s_{yₙ}
// with scores s_c = ⟨w_c, xₙ⟩ (xₙ at binding 8, row-major N × D; the labels
// yₙ at binding 9, as float32 integers). Host: multiclass.ts.
//
// A chunk of MC_ROWS rows: every (row, class) score → each row's softmax
// coefficients p_c − [c = yₙ] in place, on gaps to the true class as the CPU
// (stable without a max pass, exact when ℓₙ is tiny) → ∂L/∂W[c, j] += Σₙ
// coef_{n,c}·xₙⱼ by the thread owning (c, j). The margin of a row is
// min_{c≠yₙ} s_{yₙ} − s_c; ∇log L shifts by the smallest, so that nothing
// underflows when every row is classified with a large margin.

override D: u32 = 1u;        // features
override K: u32 = 2u;        // classes (P = K·D)
override MC_ROWS: u32 = 1u;  // rows per chunk, ≤ WG
override MC_PAIRS: u32 = 2u; // MC_ROWS·K

@group(0) @binding(8) var<storage, read> mc_x: array<f32>;
@group(0) @binding(9) var<storage, read> mc_y: array<f32>;

var<workgroup> mc_s: array<f32, MC_PAIRS>; // scores, then coefficients, of (row, class) at row·K + class
var<workgroup> mc_row: array<u32, MC_ROWS>;
var<workgroup> mc_g: array<f32, P>;

// Scores of the rows at positions [c, c + count) into mc_s, their indices into mc_row.
fn mc_scores(lid: u32, run: u32, c: u32, count: u32) {
  if (lid < count) { mc_row[lid] = row_at(run, c + lid); }
  workgroupBarrier();
  for (var q = lid; q < count * K; q += WG) {
    let x = mc_row[q / K] * D;
    let w = (q % K) * D;
    var s = 0.0;
    for (var j = 0u; j < D; j++) { s += param(run, w + j) * mc_x[x + j]; }
    mc_s[q] = s;
  }
  workgroupBarrier();
}

fn mc_label(r: u32) -> u32 {
  return u32(mc_y[mc_row[r]]);
}

// Row r's coefficients (p_c − [c = y])·e^shift in place of its scores;
// returns ℓ·e^shift. shift is 0, or at most the smallest margin of the pass
// (then every gap s_c − s_y ≤ −shift). As the CPU: with top = max(0, gaps),
// terms e^{gap − top} ≤ 1 and the true class's e^{−top}; misclassified rows
// (top > 0, so shift = 0) have ℓ = top + log1p(e^{−top} + rest), rest the terms
// below 1; the others ℓ = log1p(t), t = Σ e^{gap}, scaled by e^shift exactly
// when t is tiny. One code path (no loops in divergent branches: llvmpipe
// runs the threads of a SIMD vector through both sides of a branch).
fn mc_coefs(r: u32, shift: f32) -> f32 {
  let base = r * K;
  let y = mc_label(r);
  let own = mc_s[base + y];
  var top = 0.0;
  var arg = y;
  for (var c = 0u; c < K; c++) {
    if (c != y && mc_s[base + c] - own > top) {
      top = mc_s[base + c] - own;
      arg = c;
    }
  }
  let wrong = top > 0.0;
  let s = select(shift, 0.0, wrong);
  var rest = 0.0; // Σ e^{gap − top} over c ≠ y, arg (top = 0: over every c ≠ y)
  var ts = 0.0;   // Σ e^{gap − top + s} over c ≠ y
  for (var c = 0u; c < K; c++) {
    if (c != y) {
      let gap = mc_s[base + c] - own - top;
      let es = exp_acc(gap + s);
      if (c != arg) { rest += exp_acc(gap); }
      ts += es;
      mc_s[base + c] = es;
    }
  }
  let q = select(rest, exp_acc(-top) + rest, wrong);
  let den = 1.0 + q;
  for (var c = 0u; c < K; c++) {
    if (c != y) { mc_s[base + c] /= den; }
  }
  mc_s[base + y] = -ts / den;
  if (wrong) { return top + log1p_pos(q); }
  // log1p(t)/t is 1 in float32 below 2⁻²⁴ (and t may be subnormal or 0 there).
  if (q < 5.9604645e-8) { return ts; }
  return ts * (log1p_pos(q) / q);
}

fn problem_min_margin(lid: u32, run: u32, lo: u32, hi: u32) {
  var m = inf_f32();
  for (var c = lo; c < hi; c += MC_ROWS) {
    let count = min(MC_ROWS, hi - c);
    mc_scores(lid, run, c, count);
    if (lid < count) {
      let y = mc_label(lid);
      let own = mc_s[lid * K + y];
      for (var k = 0u; k < K; k++) {
        if (k != y) { m = min(m, own - mc_s[lid * K + k]); }
      }
    }
    workgroupBarrier();
  }
  let total = wg_reduce(lid, m, 2u);
  if (lid == 0u) { emit_min(run, total); }
}

fn problem_block(lid: u32, run: u32, lo: u32, hi: u32, shift: f32, want_den: bool) {
  // Thread lid owns the entries lid, lid + WG, … of the gradient.
  for (var i = lid; i < P; i += WG) { mc_g[i] = 0.0; }
  var den = 0.0;
  for (var c = lo; c < hi; c += MC_ROWS) {
    let count = min(MC_ROWS, hi - c);
    mc_scores(lid, run, c, count);
    if (lid < count) {
      let l = mc_coefs(lid, shift);
      if (want_den) { den += l; }
    }
    workgroupBarrier();
    for (var i = lid; i < P; i += WG) {
      let k = i / D;
      let j = i % D;
      var acc = mc_g[i];
      for (var r = 0u; r < count; r++) { acc += mc_s[r * K + k] * mc_x[mc_row[r] * D + j]; }
      mc_g[i] = acc;
    }
    workgroupBarrier();
  }
  for (var i = lid; i < P; i += WG) { emit_grad(run, i, mc_g[i]); }
  var total = 0.0;
  if (want_den) { total = wg_reduce(lid, den, 0u); }
  if (lid == 0u) { emit_den(run, total); }
}
