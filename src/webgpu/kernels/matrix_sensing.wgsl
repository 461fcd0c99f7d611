// Problem kernel: matrix sensing on factors, L = ½Σᵢ rᵢ², rᵢ = ⟨Aᵢ, X⟩ − yᵢ,
// X = UUᵀ (parameters U, n×r row-major) or UVᵀ (then V after U), as
// src/problems/matrix_sensing/matrix_sensing.ts. Host: matrix_sensing.ts.
//
// The measurements see X through D coordinates (MS_COORD): 0 packed, the
// upper triangle j ≤ k row by row with x_q = (X_jk + X_kj)/2 (symmetric Aᵢ,
// off-diagonal coefficients doubled, as the CPU's packed operator); 1 full,
// x_q = X_jk; 2 diagonal, x_j = X_jj. Row i of binding 8 holds Aᵢ's D
// coefficients (zero-padded to ⌈D/4⌉ vec4), or (MS_SPARSE: completion) one
// (coordinate, coefficient, 0, 0).
//
// One call over the rows at positions [lo, hi) (at most MS_RB of them):
//   1. x = the coordinates of X, into ms_x (workgroup memory);
//   2. rᵢ = ⟨aᵢ, x⟩ − yᵢ per row (LANES threads per row), into ms_res;
//   3. g = Σᵢ rᵢaᵢ, the coordinates of G = Σᵢ rᵢAᵢ, over ms_x (x is no
//      longer needed: one array of D floats holds both);
//   4. ∂L/∂U = 2·G·U (X = UUᵀ), or G·V and Gᵀ·U (X = UVᵀ), per parameter.
// The driver applies the mean. No log form: normalized GD follows ∇L / L.

override MS_N: u32 = 1u;       // matrix side n
override MS_R: u32 = 1u;       // factor width r
override MS_D: u32 = 1u;       // coordinates of X the measurements see
override MS_D4: u32 = 1u;      // ⌈D/4⌉: rows and X's coordinates are read as vec4 (zero-padded)
override MS_COORD: u32 = 0u;   // 0 packed upper triangle, 1 full, 2 diagonal
override MS_SPARSE: bool = false; // each Aᵢ is one coordinate (completion)
override MS_SYM: bool = true;  // X = UUᵀ (else UVᵀ)
override MS_RB: u32 = 1u;      // rows one call holds
override LANES: u32 = 1u;      // threads per row's dot product, a power of two ≤ WG

@group(0) @binding(8) var<storage, read> ms_a: array<vec4<f32>>;
@group(0) @binding(9) var<storage, read> ms_y: array<f32>;
// Coordinate q's entry j·n + k of X.
@group(0) @binding(10) var<storage, read> ms_coord: array<f32>;

var<workgroup> ms_x: array<vec4<f32>, MS_D4>;
var<workgroup> ms_res: array<f32, MS_RB>;
var<workgroup> ms_row: array<u32, MS_RB>;

// (U·Fᵀ)_jk with F = U (X = UUᵀ) or V.
fn ms_form(run: u32, j: u32, k: u32) -> f32 {
  var f = MS_N * MS_R;
  if (MS_SYM) { f = 0u; }
  var s = 0.0;
  for (var c = 0u; c < MS_R; c++) {
    s += param(run, j * MS_R + c) * param(run, f + k * MS_R + c);
  }
  return s;
}

fn ms_at(q: u32) -> f32 {
  return ms_x[q / 4u][q % 4u];
}

// G_ab from its coordinates in ms_x.
fn ms_g(a: u32, b: u32) -> f32 {
  if (MS_COORD == 1u) { return ms_at(a * MS_N + b); }
  if (MS_COORD == 2u) { return select(0.0, ms_at(a), a == b); }
  let lo = min(a, b);
  let g = ms_at(lo * (2u * MS_N - lo - 1u) / 2u + max(a, b));
  return select(0.5 * g, g, a == b);
}

// ∂L/∂θⱼ (unscaled): 2·(G·U)_ac for X = UUᵀ; (G·V)_ac for U, (Gᵀ·U)_ac for V.
fn ms_grad(run: u32, j: u32) -> f32 {
  let nr = MS_N * MS_R;
  var jj = j;
  var f = 0u;
  var trans = false;
  if (!MS_SYM) {
    if (j < nr) { f = nr; } else { jj = j - nr; trans = true; }
  }
  let a = jj / MS_R;
  let c = jj % MS_R;
  var s = 0.0;
  if (MS_COORD == 2u) {
    s = ms_at(a) * param(run, f + a * MS_R + c);
  } else {
    for (var b = 0u; b < MS_N; b++) {
      s += select(ms_g(a, b), ms_g(b, a), trans) * param(run, f + b * MS_R + c);
    }
  }
  if (MS_SYM) { s *= 2.0; }
  return s;
}

fn problem_min_margin(lid: u32, run: u32, lo: u32, hi: u32) {
  if (lid == 0u) { emit_min(run, 0.0); }
}

fn problem_block(lid: u32, run: u32, lo: u32, hi: u32, shift: f32, want_den: bool) {
  workgroupBarrier();
  // 1. The coordinates of X (zero past D).
  for (var q = lid; q < 4u * MS_D4; q += WG) {
    var x = 0.0;
    if (q < MS_D) {
      let e = u32(ms_coord[q]);
      let j = e / MS_N;
      let k = e % MS_N;
      x = ms_form(run, j, k);
      if (!MS_SYM && MS_COORD == 0u && j != k) { x = 0.5 * (x + ms_form(run, k, j)); }
    }
    ms_x[q / 4u][q % 4u] = x;
  }
  workgroupBarrier();
  // 2. Residuals (and ½Σ rᵢ²).
  var den = 0.0;
  if (MS_SPARSE) {
    for (var p = lo + lid; p < hi; p += WG) {
      let row = row_at(run, p);
      let e = ms_a[row];
      let r = e.y * ms_at(u32(e.x)) - ms_y[row];
      ms_res[p - lo] = r;
      ms_row[p - lo] = row;
      den += 0.5 * r * r;
    }
  } else {
    let rows_per_chunk = WG / LANES;
    let t = lid / LANES;
    let lane = lid % LANES;
    for (var c = lo; c < hi; c += rows_per_chunk) {
      let count = min(rows_per_chunk, hi - c);
      var acc = 0.0;
      var row = 0u;
      if (t < count) {
        row = row_at(run, c + t);
        let base = row * MS_D4;
        for (var q = lane; q < MS_D4; q += LANES) { acc += dot(ms_a[base + q], ms_x[q]); }
      }
      red_f[lid] = acc;
      for (var h = LANES / 2u; h > 0u; h = h / 2u) {
        workgroupBarrier();
        if (lane < h) { red_f[lid] += red_f[lid + h]; }
      }
      workgroupBarrier();
      if (lane == 0u && t < count) {
        let r = red_f[lid] - ms_y[row];
        ms_res[c - lo + t] = r;
        ms_row[c - lo + t] = row;
        den += 0.5 * r * r;
      }
      workgroupBarrier();
    }
  }
  workgroupBarrier();
  // 3. g = Σᵢ rᵢaᵢ over ms_x.
  let m = hi - lo;
  if (MS_SPARSE) {
    for (var q = lid; q < MS_D4; q += WG) { ms_x[q] = vec4<f32>(); }
    workgroupBarrier();
    // One thread, in row order: two rows may hit the same coordinate.
    if (lid == 0u) {
      for (var t = 0u; t < m; t++) {
        let e = ms_a[ms_row[t]];
        let q = u32(e.x);
        ms_x[q / 4u][q % 4u] += e.y * ms_res[t];
      }
    }
  } else {
    for (var q = lid; q < MS_D4; q += WG) {
      var g = vec4<f32>();
      for (var t = 0u; t < m; t++) { g += ms_res[t] * ms_a[ms_row[t] * MS_D4 + q]; }
      ms_x[q] = g;
    }
  }
  workgroupBarrier();
  // 4. The gradient, every parameter.
  for (var j = lid; j < P; j += WG) { emit_grad(run, j, ms_grad(run, j)); }
  var total = 0.0;
  if (want_den) { total = wg_reduce(lid, den, 0u); }
  if (lid == 0u) { emit_den(run, total); }
}
