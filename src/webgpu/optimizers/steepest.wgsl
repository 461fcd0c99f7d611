// Update rule of steepest (descent w.r.t. ℓp, unnormalized step): the
// candidate w − lr·∇½‖∇L‖²_q, 1/p + 1/q = 1 (update.wgsl's lp_map). Guarded:
// the driver keeps it only if loss and gradient there are finite.
// variant: the map's kind (0: p = 2; 1: p = 1, greedy coordinate; 2: p = ∞,
// ‖g‖₁·sign g; 3: general p); c0–c3: q, 1/q, 2 − q, q − 1. No slots. Host: steepest.ts.

fn opt_update(lid: u32, run: u32, h: Hyper, step: u32, aux: u32) -> u32 {
  let e = vec4<f32>(h.c0, h.c1, h.c2, h.c3);
  let m = lp_map(lid, run, SLOT_G, h.variant, e);
  for (var j = lid; j < P; j += WG) {
    let d = lp_entry(m, j, grad(run, j), e);
    if (d != 0.0) { w_add(run, j, -h.lr * d); }
  }
  return aux;
}
