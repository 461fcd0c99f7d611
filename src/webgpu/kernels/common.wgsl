// Shared by every biasflow compute kernel (prepended to the driver, the
// update stage and rule, and the problem kernel): the driver's bindings and
// records, the overrides every kernel sees, and float32 helpers (finiteness,
// exp and log1p to a few ulp, workgroup reductions, Kahan-compensated sums).
//
// Bindings 0–5 belong to the driver; a problem kernel's data starts at 8.

struct Ctl {
  steps: u32,   // optimizer steps one fused dispatch takes
  report: u32,  // 1: evaluate loss and gradient over all rows instead of stepping
  zero: u32,    // always 0, but unknown to the compiler (see opaque())
  pad: u32,
}

// One run's status, read back at every advance (48 bytes).
struct RunInfo {
  step: u32,       // steps taken, mod 2^32
  frozen: u32,     // 0 live, 1 diverged (gradient not finite), 2 retired by the host
  underflow: u32,  // steps whose float32 gradient was exactly zero
  pending: u32,    // multi-workgroup path, guarded rules: 1 while the parameters are a step not yet checked
  loss: f32,       // report: L(w)
  gmax: f32,       // report: max |∂L/∂wⱼ|
  gssq: f32,       // report: Σ (∂L/∂wⱼ / gmax)²
  aux: u32,        // the update rule's per-run word (coordinate descent: the next coordinate)
  pad0: u32,
  pad1: u32,
  pad2: u32,
  pad3: u32,
}

// One run's hyperparameters and minibatch position (64 bytes). Words 8–15
// belong to the update rule (src/webgpu/optimizers/<kind>.wgsl says which).
struct Hyper {
  lr: f32,
  momentum: f32,
  nesterov: u32,
  batch: u32,      // rows per step (SGD)
  spe: u32,        // steps per epoch (SGD)
  e0: u32,         // step position in its epoch of the chunk's first step
  s0: u32,         // step counter of the chunk's first step, mod 2^32
  row_base: u32,   // this run's offset in `rows`
  variant: u32,    // the rule's per-run choice (e.g. rmsprop centered, the norm of steepest descent)
  c0: f32,         // the rule's float32 constants
  c1: f32,
  c2: f32,
  c3: f32,
  c4: f32,
  c5: f32,
  c6: f32,
}

@group(0) @binding(0) var<uniform> ctl: Ctl;
// Per run SLOTS·P floats, slot s of parameter j at s·P + j: 0 the parameters (float32), 1 their Kahan
// compensation, 2 the step's gradient, 3… the update rule's state (see src/webgpu/optimizers/update.wgsl).
@group(0) @binding(1) var<storage, read_write> state: array<f32>;
@group(0) @binding(2) var<storage, read_write> info: array<RunInfo>;
@group(0) @binding(3) var<storage, read> hyper: array<Hyper>;
// Multi-workgroup path: per run and block P + 2 floats (gradient part, Σ loss part, min margin).
@group(0) @binding(4) var<storage, read_write> partials: array<f32>;
// SGD: each run's row indices for the steps of the current chunk, concatenated.
@group(0) @binding(5) var<storage, read> rows: array<u32>;

override WG: u32 = 64u;        // threads per workgroup, a power of two
override P: u32 = 1u;          // parameters per run
override N: u32 = 1u;          // rows (examples) of the problem
override MODE: u32 = 0u;       // 0: ∇L (gd, sgd); 1: ∇log L (normalized gd)
override BATCHED: bool = false; // SGD: each step uses its rows from `rows`
override MEAN: bool = false;   // L is the mean over the rows (else the sum)
override SHIFTED: bool = false; // MODE 1: problem_min_margin gives the shift that keeps ∇log L from underflowing
override OPT_SLOTS: u32 = 1u;  // state slots of the update rule
override GUARDED: bool = false; // a step counts only if loss and gradient after it are finite (steepest, coordinate, mirror)
override SLOTS: u32 = 4u;      // state slots per run: 3 + OPT_SLOTS, plus 2 + OPT_SLOTS when GUARDED
override SP: u32 = 4u;         // SLOTS · P, floats of state per run
override GRAD_MAX: f32 = 0x1.fffffep+127f; // the largest |∂ⱼL| the update rule takes (adaptive rules square it)

var<workgroup> red_f: array<f32, WG>;
var<workgroup> bc_u: u32;
var<workgroup> bc_h: Hyper;
var<workgroup> flags_acc: atomic<u32>;

// Whether the current pass visits every row in order (reports, full-batch
// steps), for row_at(). Loop bounds take it as a parameter instead: WGSL's
// uniformity analysis treats private variables as non-uniform.
var<private> full_batch: bool = true;

// The 0 that float_math.wgsl (is_finite, inf_f32, exp_acc, log1p_pos, expm1_acc,
// composed after this file) builds +∞ from.
fn runtime_zero() -> u32 {
  return ctl.zero;
}

// wg_reduce, group_sum and strided_sum: reduce_workgroup.wgsl or reduce_subgroup.wgsl (_reductions.ts picks).

// Thread 0's value of v, as a uniform value for every thread.
fn bcast(lid: u32, v: u32) -> u32 {
  if (lid == 0u) { bc_u = v; }
  return workgroupUniformLoad(&bc_u);
}

// The OR of every thread's bits, as a uniform value.
fn wg_or(lid: u32, bits: u32) -> u32 {
  if (bits != 0u) { atomicOr(&flags_acc, bits); }
  workgroupBarrier();
  if (lid == 0u) {
    bc_u = atomicLoad(&flags_acc);
    atomicStore(&flags_acc, 0u);
  }
  return workgroupUniformLoad(&bc_u);
}

fn load_hyper(lid: u32, run: u32) -> Hyper {
  if (lid == 0u) { bc_h = hyper[run]; }
  return workgroupUniformLoad(&bc_h);
}

// Row positions [lo, hi) that the step with counter `step` trains on (`full`:
// all rows, in order). SGD:
// the chunk's rows are the epochs' orders concatenated from the chunk's first
// row, so step e (counted from the chunk's epoch start) starts at
// E·N + pos·batch − e0·batch with E = e / spe, pos = e % spe.
fn step_rows(h: Hyper, step: u32, full: bool) -> vec2<u32> {
  if (full) { return vec2<u32>(0u, N); }
  let e = h.e0 + (step - h.s0);
  let epoch = e / h.spe;
  let pos = e % h.spe;
  let lo = epoch * N + pos * h.batch - h.e0 * h.batch;
  return vec2<u32>(lo, lo + min(h.batch, N - pos * h.batch));
}

// The example at row position p of the current pass.
fn row_at(run: u32, p: u32) -> u32 {
  if (full_batch) { return p; }
  return rows[hyper[run].row_base + p];
}

// x, through a value the compiler cannot see through. Compilers that treat
// float arithmetic as reassociable (Mesa's NIR does for GLSL without
// `precise`; fast-math drivers) fold (hi + y) − hi − y to 0 and silently drop
// Kahan's compensation: measured on llvmpipe, normalized GD then drifts
// 2·10⁻⁴ in ‖w‖ after 3·10⁴ steps, exactly as uncompensated float32 does.
fn opaque(x: f32) -> f32 {
  return bitcast<f32>(bitcast<u32>(x) ^ ctl.zero);
}

// Kahan-compensated w ← w + delta, with w = hi − c: late in a run the updates
// are far below float32's resolution of w and would otherwise be rounded away.
// Returns (new hi, new c).
fn kahan_add(hi: f32, c: f32, delta: f32) -> vec2<f32> {
  let y = delta - c;
  let t = opaque(hi + y);
  return vec2<f32>(t, opaque(t - hi) - y);
}
