// Update rule of adam (torch.optim.Adam): at step t, m ← m + (1 − β₁)(g − m),
// v ← v + (1 − β₂)(g² − v), w ← w − (lr/(1 − β₁ᵗ))·m/(√v/√(1 − β₂ᵗ) + eps),
// with 1 − βᵗ = −expm1(t·ln β) (no cancellation at small t).
// Slots OPT, OPT+1: m; OPT+2, OPT+3: v; both compensated (averages over
// ~1/(1 − β) steps, whose plain float32 rounding would stall v up to
// ulp/(2(1 − β₂)) from its target). c0: 1 − β₁; c1: 1 − β₂; c2: eps;
// c3: ln β₁; c4: ln β₂. Host: adam.ts.

fn opt_update(lid: u32, run: u32, h: Hyper, step: u32, aux: u32) -> u32 {
  let t = f32(step + 1u);
  let step_size = h.lr / -expm1_acc(t * h.c3);
  let bc2 = sqrt(-expm1_acc(t * h.c4));
  for (var j = lid; j < P; j += WG) {
    let g = grad(run, j);
    comp_lerp(run, SLOT_OPT, j, g, h.c0);
    comp_lerp(run, SLOT_OPT + 2u, j, g * g, h.c1);
    let den = sqrt(comp_get(run, SLOT_OPT + 2u, j)) / bc2 + h.c2;
    if (den > 0.0) { w_add(run, j, -step_size * (comp_get(run, SLOT_OPT, j) / den)); }
  }
  return aux;
}
