// The wide-net (`mlp`) path's row kernels: `gather` copies a chunk of the
// step's examples into the input activations, `head` turns a chunk's scores
// into each row's loss, margin and ∂ℓ/∂f (scaled by 1/count for a mean), as
// the CPU's mlp does: softmax cross-entropy from the gaps to the true class
// (ℓ = log(1 + Σ_{c≠y} e^{f_c − f_y}), stable, small losses keep their digits),
// logistic and exp on the margin u = y·f. Host: src/webgpu/_mlp_tiled_batch.ts.

struct Rows {
  d: u32,      // gather: features per example; head: outputs k
  chunk: u32,  // which chunk of the step's rows
  loss: u32,   // head: 0 cross-entropy, 1 logistic, 2 exp
  mean: u32,   // head: 1 when L is the mean over the step's rows
  zero: u32,   // always 0 (builds +∞ at run time)
  threads: u32, // gather: invocations dispatched (grid stride)
  pad0: u32,
  pad1: u32,
}

@group(0) @binding(0) var<uniform> r: Rows;
// [0] the step within the submission, [1] rows per chunk, then per step (offset into `rows`, count).
@group(0) @binding(1) var<storage, read> steps: array<u32>;
@group(0) @binding(2) var<storage, read> rows: array<u32>;
// gather: the examples (n × d); head: the labels (class index, or ±1).
@group(0) @binding(3) var<storage, read> src: array<f32>;
// gather: the input activations (chunk × d); head: the scores (chunk × k).
@group(0) @binding(4) var<storage, read_write> dst: array<f32>;
// head: ∂ℓ/∂f per row (chunk × k).
@group(0) @binding(5) var<storage, read_write> grad_out: array<f32>;
// head: per position of the step's rows, (ℓ, margin).
@group(0) @binding(6) var<storage, read_write> per_row: array<f32>;

fn chunk_span() -> vec3<u32> {
  let s = steps[0];
  let offset = steps[2u + 2u * s];
  let count = steps[3u + 2u * s];
  let start = r.chunk * steps[1];
  let here = select(0u, min(steps[1], count - start), count > start);
  return vec3<u32>(offset + start, here, count);
}

@compute @workgroup_size(64)
fn gather(@builtin(global_invocation_id) gid: vec3<u32>) {
  let span = chunk_span();
  let total = span.y * r.d;
  for (var e = gid.x; e < total; e += r.threads) {
    let row = e / r.d;
    dst[e] = src[rows[span.x + row] * r.d + (e - row * r.d)];
  }
}

fn runtime_zero() -> u32 {
  return r.zero;
}

@compute @workgroup_size(64)
fn head(@builtin(global_invocation_id) gid: vec3<u32>) {
  let span = chunk_span();
  let i = gid.x;
  if (i >= span.y) { return; }
  let k = r.d;
  let scale = select(1.0, 1.0 / f32(span.z), r.mean == 1u);
  let label = src[rows[span.x + i]];
  let base = i * k;
  var loss = 0.0;
  var margin = 0.0;
  if (r.loss == 0u) {
    let y = u32(label);
    let fy = dst[base + y];
    var sum = 0.0;
    var top = -inf_f32();
    for (var c = 0u; c < k; c++) {
      if (c != y) {
        let f = dst[base + c];
        sum += exp_acc(f - fy);
        top = max(top, f);
      }
    }
    loss = log1p_pos(sum);
    margin = fy - top;
    let inv = 1.0 / (1.0 + sum);
    for (var c = 0u; c < k; c++) {
      let p = select(exp_acc(dst[base + c] - fy) * inv, -sum * inv, c == y);
      grad_out[base + c] = scale * p;
    }
  } else {
    let u = label * dst[base];
    margin = u;
    var deriv = 0.0;  // ℓ′(u)
    if (r.loss == 1u) {
      if (u > 0.0) {
        let e = exp_acc(-u);
        loss = log1p_pos(e);
        deriv = -e / (1.0 + e);
      } else {
        loss = -u + log1p_pos(exp_acc(u));
        deriv = -1.0 / (1.0 + exp_acc(u));
      }
    } else {
      loss = exp_acc(-u);
      deriv = -loss;
    }
    grad_out[base] = scale * label * deriv;
  }
  let at = 2u * (r.chunk * steps[1] + i);
  per_row[at] = loss;
  per_row[at + 1u] = margin;
}
