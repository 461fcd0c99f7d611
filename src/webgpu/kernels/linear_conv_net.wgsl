// Problem kernel: an L-layer full-width circular convolutional linear net on
// binary classification (Gunasekar et al. 2018), L(w) = Σₙ ℓ(⟨zₙ, β⟩) with
// β = c·(w₁ ∗ ⋯ ∗ w_L), c = d^{−(L−1)/2}, filters wₗ ∈ ℝᵈ (flat parameters
// w₁, …, w_L). Composed after linear_rows.wgsl (zₙ at binding 8, D = d) and
// the margin losses of linear_classification.wgsl. Host: linear_conv_net.ts.
//
// A block computes the suffixes sₗ = wₗ ∗ ⋯ ∗ w_L (β = c·s₁), runs the row
// pass for g = ∂L/∂β over its rows, then maps g onto every filter (as the
// CPU's linearConvNet): ∂L/∂wₗ = c·g ⋆ (p_{l−1} ∗ s_{l+1}) with the prefixes
// pₗ = w₁ ∗ ⋯ ∗ wₗ. The map is linear in g, so the blocks' parts add up.

override DEPTH: u32 = 1u;     // layers L
override CV_SUF: u32 = 2u;    // (L + 1)·D: s₁ … s_{L+1} = δ, one after another
override CV_SCALE: f32 = 1.0; // c = d^{−(L−1)/2}

var<workgroup> cv_suf: array<f32, CV_SUF>;
var<workgroup> cv_g: array<f32, D>;     // ∂L/∂β (this block's part)
var<workgroup> cv_pre: array<f32, D>;   // p_{l−1}
var<workgroup> cv_next: array<f32, D>;  // pₗ, being formed
var<workgroup> cv_other: array<f32, D>; // p_{l−1} ∗ s_{l+1}

fn row_weight(run: u32, k: u32) -> f32 {
  return CV_SCALE * cv_suf[k];
}

fn row_grad(run: u32, j: u32, g: f32) {
  cv_g[j] = g;
}

// (a ∗ b)[i] = Σⱼ a[j]·b[(i − j) mod D] with a the filter wₗ (l ≥ 1) and b
// the suffix at `src` of cv_suf.
fn cv_filter_suffix(run: u32, l: u32, src: u32, i: u32) -> f32 {
  var s = 0.0;
  var k = i;
  for (var j = 0u; j < D; j++) {
    s += param(run, (l - 1u) * D + j) * cv_suf[src + k];
    k = select(k - 1u, D - 1u, k == 0u);
  }
  return s;
}

// s_{L+1} = δ, sₗ = wₗ ∗ s_{l+1} for l = L … 1.
fn cv_predictor(lid: u32, run: u32) {
  for (var i = lid; i < D; i += WG) { cv_suf[DEPTH * D + i] = select(0.0, 1.0, i == 0u); }
  for (var t = 0u; t < DEPTH; t++) {
    workgroupBarrier();
    let l = DEPTH - t;
    for (var i = lid; i < D; i += WG) {
      cv_suf[(l - 1u) * D + i] = cv_filter_suffix(run, l, l * D, i);
    }
  }
  workgroupBarrier();
}

fn problem_min_margin(lid: u32, run: u32, lo: u32, hi: u32) {
  cv_predictor(lid, run);
  lr_min_margin(lid, run, lo, hi);
}

fn problem_block(lid: u32, run: u32, lo: u32, hi: u32, shift: f32, want_den: bool) {
  cv_predictor(lid, run);
  lr_block(lid, run, lo, hi, shift, want_den);
  for (var i = lid; i < D; i += WG) { cv_pre[i] = select(0.0, 1.0, i == 0u); }
  workgroupBarrier();
  for (var l = 1u; l <= DEPTH; l++) {
    // other = p_{l−1} ∗ s_{l+1}; p_l = p_{l−1} ∗ w_l.
    for (var i = lid; i < D; i += WG) {
      var o = 0.0;
      var p = 0.0;
      var k = i;
      for (var j = 0u; j < D; j++) {
        let a = cv_pre[j];
        o += a * cv_suf[l * D + k];
        p += a * param(run, (l - 1u) * D + k);
        k = select(k - 1u, D - 1u, k == 0u);
      }
      cv_other[i] = o;
      cv_next[i] = p;
    }
    workgroupBarrier();
    // ∂L/∂wₗ[i] = c·Σⱼ g[j]·other[(j − i) mod D].
    for (var i = lid; i < D; i += WG) {
      var s = 0.0;
      var k = D - i;
      if (i == 0u) { k = 0u; }
      for (var j = 0u; j < D; j++) {
        s += cv_g[j] * cv_other[k];
        k = select(k + 1u, 0u, k + 1u == D);
      }
      emit_grad(run, (l - 1u) * D + i, CV_SCALE * s);
      cv_pre[i] = cv_next[i];
    }
    workgroupBarrier();
  }
}
