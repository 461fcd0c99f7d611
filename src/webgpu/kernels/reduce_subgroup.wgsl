// Workgroup reductions with subgroup operations, for adapters with the
// `subgroups` feature: the same functions as reduce_workgroup.wgsl, with
// fewer barriers (src/webgpu/_reductions.ts picks one per device). SG is the
// adapter's subgroup size (fixed: subgroupMinSize = subgroupMaxSize, a power
// of two ≥ 4), and subgroup k holds the threads lid ∈ [k·SG, (k + 1)·SG) with
// subgroup_invocation_id = lid % SG (how NVIDIA, AMD and SwiftShader form the
// subgroups of a one-dimensional workgroup; the parity tests on a device check
// it). No `enable subgroups;` here: Deno 2.9's naga rejects the directive
// (it takes the built-ins once the device has the feature) while Tint
// requires it, so composeModule() puts it first where the device's compiler
// accepts it (subgroupDirective() in _reductions.ts). All are called by
// every thread of the workgroup from uniform control flow.

override SG: u32 = 32u;

fn sg_reduce(v: f32, op: u32) -> f32 {
  if (op == 1u) { return subgroupMax(v); }
  if (op == 2u) { return subgroupMin(v); }
  return subgroupAdd(v);
}

// Sum (op 0), max (op 1) or min (op 2) of v over the workgroup, returned to
// every thread: one subgroup reduction per level of SG-fold, one barrier pair each.
fn wg_reduce(lid: u32, v: f32, op: u32) -> f32 {
  var x = sg_reduce(v, op);
  var n = WG / SG;
  if (lid % SG == 0u) { red_f[lid / SG] = x; }
  workgroupBarrier();
  for (; n > 1u; n = (n + SG - 1u) / SG) {
    var id = 0.0;
    if (op == 1u) { id = -inf_f32(); }
    if (op == 2u) { id = inf_f32(); }
    var t = id;
    if (lid < n) { t = red_f[lid]; }
    workgroupBarrier();
    x = sg_reduce(t, op);
    if (lid < n && lid % SG == 0u) { red_f[lid / SG] = x; }
    workgroupBarrier();
  }
  let r = red_f[0];
  workgroupBarrier();
  return r;
}

// Σ v over the `width` consecutive threads (width a power of two ≤ WG,
// aligned) that lid belongs to, returned to each of them: a butterfly of
// shuffles when the group fits a subgroup (no barrier).
fn group_sum(lid: u32, v: f32, width: u32) -> f32 {
  if (width <= SG) {
    var x = v;
    for (var h = width / 2u; h > 0u; h = h / 2u) {
      x += subgroupShuffleXor(x, h);
    }
    return x;
  }
  red_f[lid] = subgroupAdd(v);
  let lane = lid % width;
  workgroupBarrier();
  var r = 0.0;
  for (var k = lid - lane; k < lid - lane + width; k += SG) { r += red_f[k]; }
  workgroupBarrier();
  return r;
}

// Σ v over the threads with the same lid % stride (stride a power of two ≤
// WG), valid at the threads lid < stride: shuffles inside each subgroup,
// then WG / max(SG, stride) partial sums per residue added in order.
fn strided_sum(lid: u32, v: f32, stride: u32) -> f32 {
  var x = v;
  for (var h = stride; h < SG; h = h * 2u) {
    x += subgroupShuffleXor(x, h);
  }
  // Each span of max(stride, SG) threads leaves its sum per residue at red_f[span index · stride + residue].
  let span = max(stride, SG);
  if (lid % span < stride) { red_f[(lid / span) * stride + lid % span] = x; }
  workgroupBarrier();
  var r = 0.0;
  if (lid < stride) {
    for (var k = 0u; k < WG / span; k++) { r += red_f[k * stride + lid]; }
  }
  workgroupBarrier();
  return r;
}
