// Update rule of mirror (descent with ψ = ½‖w‖²_p): the dual point takes the
// gradient step θ ← θ − lr·∇L, compensated, and the candidate is w = ∇ψ*(θ) =
// ∇½‖θ‖²_q (update.wgsl's lp_map; q = 2 copies θ with its compensation).
// Guarded: the driver keeps the step only if loss and gradient there are finite.
// Slots OPT, OPT+1: θ. variant: 0 (q = 2) or 3 (general q); c0–c3: q, 1/q,
// 2 − q, q − 1. Host: mirror.ts.

fn opt_update(lid: u32, run: u32, h: Hyper, step: u32, aux: u32) -> u32 {
  for (var j = lid; j < P; j += WG) {
    comp_add(run, SLOT_OPT, j, -h.lr * grad(run, j));
    // The map's input, where the gradient was.
    slot_set(run, SLOT_G, j, comp_get(run, SLOT_OPT, j));
  }
  let e = vec4<f32>(h.c0, h.c1, h.c2, h.c3);
  if (h.variant == 0u) {
    for (var j = lid; j < P; j += WG) {
      slot_set(run, SLOT_W, j, slot_get(run, SLOT_OPT, j));
      slot_set(run, SLOT_WC, j, slot_get(run, SLOT_OPT + 1u, j));
    }
    return aux;
  }
  let m = lp_map(lid, run, SLOT_G, h.variant, e);
  for (var j = lid; j < P; j += WG) {
    slot_set(run, SLOT_W, j, lp_entry(m, j, slot_get(run, SLOT_G, j), e));
    slot_set(run, SLOT_WC, j, 0.0);
  }
  return aux;
}
