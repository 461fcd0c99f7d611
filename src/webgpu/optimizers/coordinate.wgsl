// Update rule of coordinate (descent): one coordinate per step,
// wⱼ ← wⱼ − lr·∂ⱼL, j the run's cursor (cyclic; aux) or the first largest
// |∂ⱼL| (greedy). Guarded: the driver keeps the step only if loss and
// gradient after it are finite, and the cursor moves on with it.
// variant: 0 cyclic, 1 greedy. No slots. Host: coordinate.ts.

fn opt_update(lid: u32, run: u32, h: Hyper, step: u32, aux: u32) -> u32 {
  var j = aux % P;
  if (h.variant == 1u) {
    j = argmax_abs(lid, run, SLOT_G);
    if (j >= P) { j = 0u; }
  }
  if (lid == j % WG) { w_add(run, j, -h.lr * grad(run, j)); }
  return (j + 1u) % P;
}
