// The row-linear predictor is the parameter vector itself (β = w:
// linear-classification, least-squares). Composed after linear_rows.wgsl;
// implements the driver's hooks with its one-pass block (ROW_PASS: the
// register row pass, which the multi-workgroup path uses).

fn row_weight(run: u32, k: u32) -> f32 {
  return param(run, k);
}

fn row_grad(run: u32, j: u32, g: f32) {
  emit_grad(run, j, g);
}

fn problem_min_margin(lid: u32, run: u32, lo: u32, hi: u32) {
  lr_min_margin(lid, run, lo, hi);
}

fn problem_block(lid: u32, run: u32, lo: u32, hi: u32, shift: f32, want_den: bool) {
  if (ROW_PASS) {
    lr_pass(lid, run, lo, hi, shift, want_den);
  } else {
    lr_block(lid, run, lo, hi, shift, want_den);
  }
}
