// Update rule of adagrad (torch.optim.Adagrad): sⱼ ← sⱼ + gⱼ², wⱼ ← wⱼ − lr·gⱼ/(√sⱼ + eps).
// Slots OPT, OPT+1: s, compensated (a sum over the whole run: plain float32
// would round late, small gⱼ² away). c0: eps. Host: adagrad.ts.

fn opt_update(lid: u32, run: u32, h: Hyper, step: u32, aux: u32) -> u32 {
  for (var j = lid; j < P; j += WG) {
    let g = grad(run, j);
    comp_add(run, SLOT_OPT, j, g * g);
    let den = sqrt(comp_get(run, SLOT_OPT, j)) + h.c0;
    if (den > 0.0) { w_add(run, j, -h.lr * (g / den)); }
  }
  return aux;
}
