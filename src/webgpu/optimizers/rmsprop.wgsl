// Update rule of rmsprop (torch.optim.RMSprop): v ← v + a(g² − v) with
// a = 1 − α; centered, ḡ ← ḡ + a(g − ḡ) and the variance v − ḡ²; u = g/(√(·) + eps);
// with momentum b ← μb + u, w ← w − lr·b, else w ← w − lr·u.
//
// Centered runs keep the variance σ² itself, σ² ← (1 − a)(σ² + aδ²) with
// δ = g − ḡ (equal to v − ḡ² in exact arithmetic): v − ḡ² cancels
// catastrophically in float32 when the gradient varies slowly. The host
// reads v back as σ² + ḡ².
//
// Slots OPT, OPT+1: v (or σ²), compensated; OPT+2, OPT+3: ḡ, compensated;
// OPT+4: b. variant: 1 centered. c0: a = 1 − α; c1: eps. Host: rmsprop.ts.

fn opt_update(lid: u32, run: u32, h: Hyper, step: u32, aux: u32) -> u32 {
  let a = h.c0;
  for (var j = lid; j < P; j += WG) {
    let g = grad(run, j);
    if (h.variant == 1u) {
      let delta = (g - slot_get(run, SLOT_OPT + 2u, j)) + slot_get(run, SLOT_OPT + 3u, j);
      comp_lerp(run, SLOT_OPT + 2u, j, g, a);
      comp_lerp(run, SLOT_OPT, j, (1.0 - a) * (delta * delta), a);
    } else {
      comp_lerp(run, SLOT_OPT, j, g * g, a);
    }
    let avg = sqrt(comp_get(run, SLOT_OPT, j)) + h.c1;
    var u = 0.0;
    if (avg > 0.0) { u = g / avg; }
    if (h.momentum != 0.0) {
      let b = h.momentum * slot_get(run, SLOT_OPT + 4u, j) + u;
      slot_set(run, SLOT_OPT + 4u, j, b);
      u = b;
    }
    w_add(run, j, -h.lr * u);
  }
  return aux;
}
