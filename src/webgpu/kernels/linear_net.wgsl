// Problem kernel: a fully connected deep linear net on binary classification,
// L(W) = Σₙ ℓ(⟨zₙ, β⟩) with β = (W_L⋯W₁)ᵀ, layer l of dims[l] × dims[l−1]
// (dims[0] = d, dims[L] = 1), flat parameters W₁, …, W_L row-major.
// Composed after linear_rows.wgsl (zₙ at binding 8) and the margin losses of
// linear_classification.wgsl. Host: linear_net.ts.
//
// A block computes aₗ = (W_L⋯W_{l+1})ᵀ from a_L = 1 (β = a₀), runs the row
// pass for g = ∂L/∂β over its rows, then maps g onto every layer (as the CPU's
// linearNet): v₀ = g, vₗ = Wₗv_{l−1}, ∂L/∂Wₗ = aₗv_{l−1}ᵀ. The map is linear
// in g, so the blocks' parts still add up to the gradient.

override DEPTH: u32 = 1u;  // layers L
override NET_A: u32 = 2u;  // Σ_{l=0}^{L} dims[l]: a₀ … a_L, one after another
override NET_V: u32 = 1u;  // Σ_{l=0}^{L−1} dims[l]: v₀ … v_{L−1}

// dims[0..L], then the offsets of W₁ … W_L in the parameters, then the start
// of aₗ (and vₗ) in net_a (net_v), for l = 0..L: integers, exact in float32.
@group(0) @binding(9) var<storage, read> net_shape: array<f32>;

var<workgroup> net_a: array<f32, NET_A>;
var<workgroup> net_v: array<f32, NET_V>;

fn net_dim(l: u32) -> u32 {
  return u32(net_shape[l]);
}

// Offset of W_l's first entry (l = 1..L).
fn net_off(l: u32) -> u32 {
  return u32(net_shape[DEPTH + l]);
}

fn net_base(l: u32) -> u32 {
  return u32(net_shape[2u * DEPTH + 1u + l]);
}

fn row_weight(run: u32, k: u32) -> f32 {
  return net_a[k];
}

fn row_grad(run: u32, j: u32, g: f32) {
  net_v[j] = g;
}

// a_{l−1} = Wₗᵀaₗ for l = L … 1, from a_L = 1.
fn net_predictor(lid: u32, run: u32) {
  if (lid == 0u) { net_a[net_base(DEPTH)] = 1.0; }
  for (var t = 0u; t < DEPTH; t++) {
    workgroupBarrier();
    let l = DEPTH - t;
    let rows = net_dim(l);
    let cols = net_dim(l - 1u);
    let off = net_off(l);
    let src = net_base(l);
    let dst = net_base(l - 1u);
    for (var j = lid; j < cols; j += WG) {
      var s = 0.0;
      for (var i = 0u; i < rows; i++) { s += param(run, off + i * cols + j) * net_a[src + i]; }
      net_a[dst + j] = s;
    }
  }
  workgroupBarrier();
}

fn problem_min_margin(lid: u32, run: u32, lo: u32, hi: u32) {
  net_predictor(lid, run);
  lr_min_margin(lid, run, lo, hi);
}

fn problem_block(lid: u32, run: u32, lo: u32, hi: u32, shift: f32, want_den: bool) {
  net_predictor(lid, run);
  lr_block(lid, run, lo, hi, shift, want_den);
  workgroupBarrier();
  // vₗ = Wₗv_{l−1} for l = 1 … L−1 (v₀ = g).
  for (var l = 1u; l < DEPTH; l++) {
    let rows = net_dim(l);
    let cols = net_dim(l - 1u);
    let off = net_off(l);
    let src = net_base(l - 1u);
    let dst = net_base(l);
    for (var i = lid; i < rows; i += WG) {
      var s = 0.0;
      for (var j = 0u; j < cols; j++) { s += param(run, off + i * cols + j) * net_v[src + j]; }
      net_v[dst + i] = s;
    }
    workgroupBarrier();
  }
  // ∂L/∂Wₗ[i, j] = aₗ[i]·v_{l−1}[j].
  for (var l = 1u; l <= DEPTH; l++) {
    let cols = net_dim(l - 1u);
    let size = net_dim(l) * cols;
    let off = net_off(l);
    let a = net_base(l);
    let v = net_base(l - 1u);
    for (var q = lid; q < size; q += WG) {
      emit_grad(run, off + q, net_a[a + q / cols] * net_v[v + q % cols]);
    }
  }
}
