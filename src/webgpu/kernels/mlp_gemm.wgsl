// Tiled matrix product of the wide-net (`mlp`) path: C[i, j] = Σₜ L(i, t)·R(j, t)
// with strided operands, and the epilogues the network's passes fuse into it.
// Host: src/webgpu/_mlp_tiled_batch.ts (which dispatches say which product).
//
//   forward       Z = A·Wᵀ + b, ReLU fused                  (L = A, R = W, BIAS, RELU)
//   weight grads  dW = Gᵀ·A, db = column sums of G          (L = G, R = A, BIASCOL, ACC over chunks)
//   back-prop     G_below = G·W masked by ReLU′ (a > 0)     (L = G, R = W, MASK)
//   Path-SGD's γ  the same three on squared weights         (SQUARE) over one all-ones row
//
// A workgroup of 8×8 threads computes a 32×32 tile of C; each thread a 4×4
// block in four vec4 registers. The contraction runs in tiles of 8: each
// thread loads one vec4 of L (4 rows at one t) and one of R into workgroup
// memory, then 8 rank-1 updates of its block. Loop iterations per invocation
// (llvmpipe's cap, see README): ⌈K/8⌉·10 + 1 for the contraction, 21 for the
// epilogue (_mlp_tiled_plan.ts).

struct Gemm {
  m: u32,      // rows of C (F_M_ROWS: this chunk's rows instead)
  n: u32,      // columns of C (without the bias column)
  k: u32,      // contraction length (F_K_ROWS: this chunk's rows instead)
  flags: u32,
  lo: u32,     // L(i, t) = lhs[lo + i·ls_i + t·ls_t]
  ls_i: u32,
  ls_t: u32,
  chunk: u32,  // which chunk of the step's rows (F_M_ROWS / F_K_ROWS)
  ro: u32,     // R(j, t) = rhs[ro + j·rs_j + t·rs_t] (squared with F_SQUARE; 1 in the bias column)
  rs_j: u32,
  rs_t: u32,
  bo: u32,     // F_BIAS: bias[bo + j]
  co: u32,     // C(i, j) = out[co + i·cs_i + j·cs_j]
  cs_i: u32,
  cs_j: u32,
  cbo: u32,    // F_BIASCOL: C(i, n) = out[cbo + i]
}

const F_M_ROWS = 1u;
const F_K_ROWS = 2u;
const F_BIAS = 4u;
const F_RELU = 8u;
const F_MASK = 16u;
const F_BIASCOL = 32u;
const F_ACC = 64u;
const F_SQUARE = 128u;

@group(0) @binding(0) var<uniform> g: Gemm;
// The step's rows: [0] the step within the submission, [1] rows per chunk, then per step (offset, count).
@group(0) @binding(1) var<storage, read> steps: array<u32>;
@group(0) @binding(2) var<storage, read> lhs: array<f32>;
@group(0) @binding(3) var<storage, read> rhs: array<f32>;
@group(0) @binding(4) var<storage, read> bias: array<f32>;
@group(0) @binding(5) var<storage, read> mask: array<f32>;
@group(0) @binding(6) var<storage, read_write> out: array<f32>;

var<workgroup> tl: array<vec4<f32>, 64>;  // [t·8 + q]: L at rows 4q … 4q + 3 of the tile, contraction t
var<workgroup> tr: array<vec4<f32>, 64>;  // [t·8 + q]: R at columns 4q … 4q + 3

fn chunk_rows(chunk: u32) -> u32 {
  let s = steps[0];
  let count = steps[3u + 2u * s];
  let start = chunk * steps[1];
  return select(0u, min(steps[1], count - start), count > start);
}

fn l_at(i: u32, t: u32, m: u32) -> f32 {
  if (i >= m) { return 0.0; }
  return lhs[g.lo + i * g.ls_i + t * g.ls_t];
}

fn r_at(j: u32, t: u32, cols: u32) -> f32 {
  if (j >= cols) { return 0.0; }
  if (j == g.n) { return 1.0; }
  let v = rhs[g.ro + j * g.rs_j + t * g.rs_t];
  return select(v, v * v, (g.flags & F_SQUARE) != 0u);
}

fn emit(i: u32, j: u32, m: u32, cols: u32, value: f32) {
  if (i >= m || j >= cols) { return; }
  var v = value;
  var at = g.co + i * g.cs_i + j * g.cs_j;
  if (j == g.n) {
    at = g.cbo + i;
  } else {
    if ((g.flags & F_BIAS) != 0u) {
      let b = bias[g.bo + j];
      v += select(b, b * b, (g.flags & F_SQUARE) != 0u);
    }
    if ((g.flags & F_RELU) != 0u) { v = max(v, 0.0); }
    if ((g.flags & F_MASK) != 0u && !(mask[at] > 0.0)) { v = 0.0; }
  }
  if ((g.flags & F_ACC) != 0u) { v += out[at]; }
  out[at] = v;
}

@compute @workgroup_size(64)
fn gemm(@builtin(local_invocation_index) lid: u32, @builtin(workgroup_id) wid: vec3<u32>) {
  let rows = chunk_rows(g.chunk);
  let m = select(g.m, rows, (g.flags & F_M_ROWS) != 0u);
  let kk = select(g.k, rows, (g.flags & F_K_ROWS) != 0u);
  let cols = g.n + select(0u, 1u, (g.flags & F_BIASCOL) != 0u);
  let i0 = wid.y * 32u;
  let j0 = wid.x * 32u;
  // Workgroup-uniform: a tile past the chunk's rows (a short batch) or an empty chunk does nothing.
  if (i0 >= m || j0 >= cols) { return; }
  // An accumulating product over zero rows adds nothing; a writing one writes zeros.
  let tx = lid % 8u;
  let ty = lid / 8u;
  var c0 = vec4<f32>(0.0);
  var c1 = vec4<f32>(0.0);
  var c2 = vec4<f32>(0.0);
  var c3 = vec4<f32>(0.0);
  let li = i0 + 4u * ty;  // the loader's 4 rows of L (ty doubles as the loader's group)
  let rj = j0 + 4u * ty;
  for (var t0 = 0u; t0 < kk; t0 += 8u) {
    let t = t0 + tx;
    var a = vec4<f32>(0.0);
    var b = vec4<f32>(0.0);
    if (t < kk) {
      a = vec4<f32>(l_at(li, t, m), l_at(li + 1u, t, m), l_at(li + 2u, t, m), l_at(li + 3u, t, m));
      b = vec4<f32>(r_at(rj, t, cols), r_at(rj + 1u, t, cols), r_at(rj + 2u, t, cols), r_at(rj + 3u, t, cols));
    }
    tl[tx * 8u + ty] = a;
    tr[tx * 8u + ty] = b;
    workgroupBarrier();
    for (var u = 0u; u < 8u; u++) {
      let av = tl[u * 8u + ty];
      let bv = tr[u * 8u + tx];
      c0 += av.x * bv;
      c1 += av.y * bv;
      c2 += av.z * bv;
      c3 += av.w * bv;
    }
    workgroupBarrier();
  }
  let i = i0 + 4u * ty;
  let j = j0 + 4u * tx;
  for (var q = 0u; q < 4u; q++) {
    emit(i, j + q, m, cols, c0[q]);
    emit(i + 1u, j + q, m, cols, c1[q]);
    emit(i + 2u, j + q, m, cols, c2[q]);
    emit(i + 3u, j + q, m, cols, c3[q]);
  }
}
