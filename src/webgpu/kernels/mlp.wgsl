// Problem kernel: a multilayer perceptron (`mlp`) on labelled rows, with the
// CPU problem's flat parameters W₁, b₁, …, W_L, b_L (W out × in, row-major).
// Inputs xₙ at binding 8 (N × ML_D, row-major), labels at binding 9 (class
// indices or ±1, as float32), the layer table at binding 10 (float32
// integers: widths d₀ … d_L, the unit offsets of each layer in `ml_a`, the
// offsets of W and b). Host: mlp.ts.
//
// A chunk of ML_R = 8 rows at a time. Activations live in workgroup memory,
// unit u of every layer as two vec4s (rows 0–3, 4–7), so that each thread
// computes 8 outputs of a unit in registers per weight it reads:
//   forward  z[u] = Σⱼ W[u, j]·a[j] (+ b[u]), ReLU fused, layer by layer;
//   head     each row's ∂ℓ/∂f from the score gaps to the true class (cross-
//            entropy, as the CPU: stable, exact for tiny losses) or from
//            u = y·f (logistic, exp), times e^shift for normalized GD;
//   backward ∂L/∂W[u, j] += ⟨G[u], A[j]⟩ over the 8 rows (two vec4 dots, no
//            loop), ∂L/∂b[u] += Σ G[u], and G below = Wᵀ·G masked by ReLU′,
//            written in place of the activations it no longer needs.
// Rows past the end of a block are zero inputs whose ∂ℓ/∂f is 0, so they add
// nothing. The gradient accumulates in the driver's slot (add_grad).

override ML_D: u32 = 1u;      // input features d₀
override ML_K: u32 = 1u;      // outputs d_L
override ML_DEPTH: u32 = 1u;  // layers L
override ML_VEC: u32 = 4u;    // 2·Σₗ dₗ, the vec4s of ml_a
override ML_KR: u32 = 8u;     // ML_K·ML_R
override ML_LOSS: u32 = 0u;   // 0 cross-entropy, 1 logistic, 2 exp
override ML_RELU: bool = true;
override ML_BIAS: bool = true;

const ML_R: u32 = 8u;

@group(0) @binding(8) var<storage, read> ml_x: array<f32>;
@group(0) @binding(9) var<storage, read> ml_y: array<f32>;
@group(0) @binding(10) var<storage, read> ml_lay: array<f32>;

var<workgroup> ml_a: array<vec4<f32>, ML_VEC>;
var<workgroup> ml_s: array<f32, ML_KR>;
var<workgroup> ml_row: array<u32, ML_R>;

fn ml_dim(l: u32) -> u32 {
  return u32(ml_lay[l]);
}

fn ml_aoff(l: u32) -> u32 {
  return u32(ml_lay[ML_DEPTH + 1u + l]);
}

fn ml_woff(l: u32) -> u32 {
  return u32(ml_lay[2u * (ML_DEPTH + 1u) + l]);
}

fn ml_boff(l: u32) -> u32 {
  return u32(ml_lay[2u * (ML_DEPTH + 1u) + ML_DEPTH + l]);
}

// The rows at positions [c, c + count) into ml_row and their inputs into layer 0.
fn ml_load(lid: u32, run: u32, c: u32, count: u32) {
  if (lid < ML_R) { ml_row[lid] = select(0u, row_at(run, c + lid), lid < count); }
  workgroupBarrier();
  for (var q = lid; q < 2u * ML_D; q += WG) {
    let j = q / 2u;
    let r0 = (q % 2u) * 4u;
    var v = vec4<f32>(0.0);
    if (r0 < count) { v.x = ml_x[ml_row[r0] * ML_D + j]; }
    if (r0 + 1u < count) { v.y = ml_x[ml_row[r0 + 1u] * ML_D + j]; }
    if (r0 + 2u < count) { v.z = ml_x[ml_row[r0 + 2u] * ML_D + j]; }
    if (r0 + 3u < count) { v.w = ml_x[ml_row[r0 + 3u] * ML_D + j]; }
    ml_a[q] = v;
  }
  workgroupBarrier();
}

// The forward pass of the loaded chunk: every layer's activations, the scores last.
fn ml_forward(lid: u32, run: u32) {
  for (var l = 0u; l < ML_DEPTH; l++) {
    let inn = ml_dim(l);
    let out = ml_dim(l + 1u);
    let ia = ml_aoff(l);
    let oa = ml_aoff(l + 1u);
    let wo = ml_woff(l);
    let clip = ML_RELU && l + 1u < ML_DEPTH;
    for (var i = lid; i < out; i += WG) {
      var lo = vec4<f32>(0.0);
      var hi = vec4<f32>(0.0);
      let row = wo + i * inn;
      for (var j = 0u; j < inn; j++) {
        let w = param(run, row + j);
        lo += w * ml_a[2u * (ia + j)];
        hi += w * ml_a[2u * (ia + j) + 1u];
      }
      if (ML_BIAS) {
        let b = param(run, ml_boff(l) + i);
        lo += vec4<f32>(b);
        hi += vec4<f32>(b);
      }
      if (clip) {
        lo = max(lo, vec4<f32>(0.0));
        hi = max(hi, vec4<f32>(0.0));
      }
      ml_a[2u * (oa + i)] = lo;
      ml_a[2u * (oa + i) + 1u] = hi;
    }
    workgroupBarrier();
  }
}

fn ml_score(c: u32, r: u32) -> f32 {
  return ml_a[2u * (ml_aoff(ML_DEPTH) + c) + r / 4u][r % 4u];
}

// Row r's ∂ℓ/∂f·e^shift into ml_s[c·ML_R + r] (0 for rows ≥ count); returns
// (ℓ·e^shift, margin), ℓ = 0 and margin +∞ for rows ≥ count. One code path
// for every thread (llvmpipe runs both sides of a divergent branch).
fn ml_head(r: u32, count: u32, shift: f32) -> vec2<f32> {
  let valid = r < count;
  let label = ml_y[ml_row[r]];
  var loss = 0.0;
  var margin = 0.0;
  if (ML_LOSS == 0u) {
    let y = u32(label);
    let own = ml_score(y, r);
    var top = 0.0;
    var arg = y;
    var gmax = -inf_f32();
    for (var c = 0u; c < ML_K; c++) {
      let gap = ml_score(c, r) - own;
      if (c != y) {
        gmax = max(gmax, gap);
        if (gap > top) {
          top = gap;
          arg = c;
        }
      }
    }
    margin = -gmax;
    let wrong = top > 0.0;
    let s = select(shift, 0.0, wrong);
    var rest = 0.0; // Σ e^{gap − top} over c ≠ y, arg
    var ts = 0.0;   // Σ e^{gap − top + s} over c ≠ y
    for (var c = 0u; c < ML_K; c++) {
      var es = 0.0;
      if (c != y) {
        let gap = ml_score(c, r) - own - top;
        es = exp_acc(gap + s);
        if (c != arg) { rest += exp_acc(gap); }
        ts += es;
      }
      ml_s[c * ML_R + r] = es;
    }
    let q = select(rest, exp_acc(-top) + rest, wrong);
    let den = 1.0 + q;
    for (var c = 0u; c < ML_K; c++) {
      ml_s[c * ML_R + r] = select(0.0, ml_s[c * ML_R + r] / den, valid);
    }
    ml_s[y * ML_R + r] = select(0.0, -ts / den, valid);
    if (wrong) {
      loss = top + log1p_pos(q);
    } else if (q < 5.9604645e-8) {
      loss = ts; // log1p(q)/q is 1 in float32 here
    } else {
      loss = ts * (log1p_pos(q) / q);
    }
  } else {
    let u = label * ml_score(0u, r);
    margin = u;
    var d = 0.0;
    if (ML_LOSS == 2u) {
      d = -exp_acc(shift - u);
      loss = exp_acc(shift - u);
    } else if (u >= 0.0) {
      let t = exp_acc(-u);
      let e = exp_acc(shift - u);
      d = -e / (1.0 + t);
      loss = select(e * (log1p_pos(t) / t), e, t < 5.9604645e-8);
    } else {
      d = -1.0 / (1.0 + exp_acc(u));
      loss = -u + log1p_pos(exp_acc(u));
    }
    ml_s[r] = select(0.0, label * d, valid);
  }
  return vec2<f32>(select(0.0, loss, valid), select(inf_f32(), margin, valid));
}

// The head's ∂ℓ/∂f from ml_s into the score units of ml_a (G of the last layer).
fn ml_store_head(lid: u32) {
  let oa = ml_aoff(ML_DEPTH);
  for (var c = lid; c < ML_K; c += WG) {
    let b = c * ML_R;
    ml_a[2u * (oa + c)] = vec4<f32>(ml_s[b], ml_s[b + 1u], ml_s[b + 2u], ml_s[b + 3u]);
    ml_a[2u * (oa + c) + 1u] = vec4<f32>(ml_s[b + 4u], ml_s[b + 5u], ml_s[b + 6u], ml_s[b + 7u]);
  }
  workgroupBarrier();
}

// The backward pass: adds the chunk's ∂L/∂W, ∂L/∂b to the gradient slot.
fn ml_backward(lid: u32, run: u32) {
  for (var k = 0u; k < ML_DEPTH; k++) {
    let l = ML_DEPTH - 1u - k;
    let inn = ml_dim(l);
    let out = ml_dim(l + 1u);
    let ia = ml_aoff(l);
    let oa = ml_aoff(l + 1u);
    let wo = ml_woff(l);
    for (var q = lid; q < out * inn; q += WG) {
      let i = q / inn;
      let j = q % inn;
      let g = dot(ml_a[2u * (oa + i)], ml_a[2u * (ia + j)]) + dot(ml_a[2u * (oa + i) + 1u], ml_a[2u * (ia + j) + 1u]);
      add_grad(run, wo + q, g);
    }
    if (ML_BIAS) {
      let bo = ml_boff(l);
      for (var i = lid; i < out; i += WG) {
        let ones = vec4<f32>(1.0);
        add_grad(run, bo + i, dot(ml_a[2u * (oa + i)], ones) + dot(ml_a[2u * (oa + i) + 1u], ones));
      }
    }
    workgroupBarrier();
    if (l > 0u) {
      for (var j = lid; j < inn; j += WG) {
        var lo = vec4<f32>(0.0);
        var hi = vec4<f32>(0.0);
        for (var i = 0u; i < out; i++) {
          let w = param(run, wo + i * inn + j);
          lo += w * ml_a[2u * (oa + i)];
          hi += w * ml_a[2u * (oa + i) + 1u];
        }
        if (ML_RELU) {
          lo = select(vec4<f32>(0.0), lo, ml_a[2u * (ia + j)] > vec4<f32>(0.0));
          hi = select(vec4<f32>(0.0), hi, ml_a[2u * (ia + j) + 1u] > vec4<f32>(0.0));
        }
        ml_a[2u * (ia + j)] = lo;
        ml_a[2u * (ia + j) + 1u] = hi;
      }
      workgroupBarrier();
    }
  }
}

fn problem_min_margin(lid: u32, run: u32, lo: u32, hi: u32) {
  var m = inf_f32();
  for (var c = lo; c < hi; c += ML_R) {
    let count = min(ML_R, hi - c);
    ml_load(lid, run, c, count);
    ml_forward(lid, run);
    if (lid < ML_R) { m = min(m, ml_head(lid, count, 0.0).y); }
    workgroupBarrier();
  }
  let total = wg_reduce(lid, m, 2u);
  if (lid == 0u) { emit_min(run, total); }
}

fn problem_block(lid: u32, run: u32, lo: u32, hi: u32, shift: f32, want_den: bool) {
  for (var j = lid; j < P; j += WG) { emit_grad(run, j, 0.0); }
  var den = 0.0;
  for (var c = lo; c < hi; c += ML_R) {
    let count = min(ML_R, hi - c);
    ml_load(lid, run, c, count);
    ml_forward(lid, run);
    if (lid < ML_R) { den += ml_head(lid, count, shift).x; }
    workgroupBarrier();
    ml_store_head(lid);
    ml_backward(lid, run);
  }
  var total = 0.0;
  if (want_den) { total = wg_reduce(lid, den, 0u); }
  if (lid == 0u) { emit_den(run, total); }
}

// Path-SGD's γ (see src/problems/mlp/path_gamma.ts) into the rule's slot s:
// one forward pass of the squared network on the all-ones input (aₗ in ml_a's
// first vec4 of each unit, .x) and one backward pass (δₗ in the second), then
// γ = δₗ[i]·aₗ₋₁[j] for W[i, j] and δₗ[i] for b[i].
fn ml_path_gamma(lid: u32, run: u32, s: u32) {
  for (var j = lid; j < ML_D; j += WG) { ml_a[2u * j] = vec4<f32>(1.0, 0.0, 0.0, 0.0); }
  workgroupBarrier();
  for (var l = 0u; l < ML_DEPTH; l++) {
    let inn = ml_dim(l);
    let out = ml_dim(l + 1u);
    let ia = ml_aoff(l);
    let oa = ml_aoff(l + 1u);
    let wo = ml_woff(l);
    for (var i = lid; i < out; i += WG) {
      var v = 0.0;
      if (ML_BIAS) {
        let b = param(run, ml_boff(l) + i);
        v = b * b;
      }
      for (var j = 0u; j < inn; j++) {
        let w = param(run, wo + i * inn + j);
        v += w * w * ml_a[2u * (ia + j)].x;
      }
      ml_a[2u * (oa + i)] = vec4<f32>(v, 0.0, 0.0, 0.0);
    }
    workgroupBarrier();
  }
  let top = ml_aoff(ML_DEPTH);
  for (var c = lid; c < ML_K; c += WG) { ml_a[2u * (top + c) + 1u] = vec4<f32>(1.0, 0.0, 0.0, 0.0); }
  workgroupBarrier();
  for (var k = 0u; k < ML_DEPTH; k++) {
    let l = ML_DEPTH - 1u - k;
    let inn = ml_dim(l);
    let out = ml_dim(l + 1u);
    let ia = ml_aoff(l);
    let oa = ml_aoff(l + 1u);
    let wo = ml_woff(l);
    for (var q = lid; q < out * inn; q += WG) {
      slot_set(run, s, wo + q, ml_a[2u * (oa + q / inn) + 1u].x * ml_a[2u * (ia + q % inn)].x);
    }
    if (ML_BIAS) {
      let bo = ml_boff(l);
      for (var i = lid; i < out; i += WG) { slot_set(run, s, bo + i, ml_a[2u * (oa + i) + 1u].x); }
    }
    if (l > 0u) {
      for (var j = lid; j < inn; j += WG) {
        var v = 0.0;
        for (var i = 0u; i < out; i++) {
          let w = param(run, wo + i * inn + j);
          v += w * w * ml_a[2u * (oa + i) + 1u].x;
        }
        ml_a[2u * (ia + j) + 1u] = vec4<f32>(v, 0.0, 0.0, 0.0);
      }
    }
    workgroupBarrier();
  }
  slot_sync();
}
