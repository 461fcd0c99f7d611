// Workgroup reductions through workgroup memory and barriers (every adapter).
// reduce_subgroup.wgsl has the same functions with subgroup operations;
// src/webgpu/_reductions.ts picks one per device. All are called by every
// thread of the workgroup from uniform control flow.

// Sum (op 0), max (op 1) or min (op 2) of v over the workgroup, returned to
// every thread.
fn wg_reduce(lid: u32, v: f32, op: u32) -> f32 {
  red_f[lid] = v;
  for (var h = WG / 2u; h > 0u; h = h / 2u) {
    workgroupBarrier();
    if (lid < h) {
      let a = red_f[lid];
      let b = red_f[lid + h];
      var c = a + b;
      if (op == 1u) { c = max(a, b); }
      if (op == 2u) { c = min(a, b); }
      red_f[lid] = c;
    }
  }
  workgroupBarrier();
  let r = red_f[0];
  workgroupBarrier();
  return r;
}

// Σ v over the `width` consecutive threads (width a power of two ≤ WG,
// aligned) that lid belongs to, returned to each of them.
fn group_sum(lid: u32, v: f32, width: u32) -> f32 {
  red_f[lid] = v;
  let lane = lid % width;
  for (var h = width / 2u; h > 0u; h = h / 2u) {
    workgroupBarrier();
    if (lane < h) { red_f[lid] += red_f[lid + h]; }
  }
  workgroupBarrier();
  let r = red_f[lid - lane];
  workgroupBarrier();
  return r;
}

// Σ v over the threads with the same lid % stride (stride a power of two ≤
// WG), valid at the threads lid < stride.
fn strided_sum(lid: u32, v: f32, stride: u32) -> f32 {
  red_f[lid] = v;
  for (var h = WG / 2u; h >= stride; h = h / 2u) {
    workgroupBarrier();
    if (lid < h) { red_f[lid] += red_f[lid + h]; }
  }
  workgroupBarrier();
  let r = red_f[lid % stride];
  workgroupBarrier();
  return r;
}
