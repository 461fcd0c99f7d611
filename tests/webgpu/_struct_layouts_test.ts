import assert from "node:assert/strict";
import { structLayouts } from "../../src/webgpu/_struct_layouts.ts";

Deno.test("structLayouts() derives RunInfo, Hyper and Ctl from common.wgsl: sizes and offsets in words", () => {
  const { info, hyper, ctl } = structLayouts();
  // What the kernels' WGSL declares today (a field added there moves these, and the host with them).
  assert.deepEqual({ ...info }, {
    words: 12,
    step: 0,
    frozen: 1,
    underflow: 2,
    pending: 3,
    loss: 4,
    gmax: 5,
    gssq: 6,
    aux: 7,
  });
  assert.equal(hyper.words, 16);
  assert.deepEqual([hyper.lr, hyper.momentum, hyper.nesterov, hyper.batch, hyper.spe, hyper.e0, hyper.s0], [
    0,
    1,
    2,
    3,
    4,
    5,
    6,
  ]);
  assert.deepEqual([hyper.row_base, hyper.variant, hyper.c0, hyper.c6], [7, 8, 9, 15]);
  assert.deepEqual({ ...ctl }, { words: 4, steps: 0, report: 1, zero: 2 });
  assert.equal(structLayouts(), structLayouts(), "parsed once");
});
