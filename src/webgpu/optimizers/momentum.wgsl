// Update rule of gd, sgd and normalized gd: PyTorch's momentum, b ← μb + g,
// the step direction b (g + μb with Nesterov; g when μ = 0), then a
// Kahan-compensated w ← w − lr·direction. Slot OPT: b. Host: momentum.ts.

fn opt_update(lid: u32, run: u32, h: Hyper, step: u32, aux: u32) -> u32 {
  for (var j = lid; j < P; j += WG) {
    let g = grad(run, j);
    var d = g;
    if (h.momentum != 0.0) {
      let b = h.momentum * slot_get(run, SLOT_OPT, j) + g;
      slot_set(run, SLOT_OPT, j, b);
      d = select(b, g + h.momentum * b, h.nesterov != 0u);
    }
    w_add(run, j, -h.lr * d);
  }
  return aux;
}
