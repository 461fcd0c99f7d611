// Update rule of path-sgd (mlp only): γ from the mlp kernel's squared-network
// passes (ml_path_gamma, mlp.wgsl) into slot OPT + 1, then as the CPU's
// pathSgd: s = g/γ (g where γ = 0), b ← μb + s when μ > 0, and a
// Kahan-compensated w ← w − lr·(b or s). Slot OPT: b. Host: path_sgd.ts.

fn opt_update(lid: u32, run: u32, h: Hyper, step: u32, aux: u32) -> u32 {
  ml_path_gamma(lid, run, SLOT_OPT + 1u);
  for (var j = lid; j < P; j += WG) {
    let g = grad(run, j);
    let gam = slot_get(run, SLOT_OPT + 1u, j);
    var d = select(g, g / gam, gam > 0.0);
    if (h.momentum != 0.0) {
      d = h.momentum * slot_get(run, SLOT_OPT, j) + d;
      slot_set(run, SLOT_OPT, j, d);
    }
    w_add(run, j, -h.lr * d);
  }
  return aux;
}
