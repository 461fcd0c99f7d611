import assert from "node:assert/strict";
import { mlp, type MlpOptions } from "../../../src/problems/mlp/mlp.ts";
import { openBlasGemm } from "../../../src/problems/mlp/openblas_gemm.ts";
import { tsGemm } from "../../../src/problems/mlp/ts_gemm.ts";
import { sgd } from "../../../src/optimizers/sgd.ts";
import { createRng } from "../../../src/random/rng.ts";
import { assertAllClose } from "../../_assert_close.ts";
import { referenceLossGrad } from "./_reference_mlp.ts";

// The fused step is w − η·∇L_batch(w) computed inside the backward pass; the reference is an independent float64
// implementation's gradient (./_reference_mlp.ts) applied by hand. The two round differently: agreement to 1e-12
// relative to the largest entry, for every activation × loss × bias, on two hidden layers, with both products.
const rng = createRng(3);
const n = 40, d = 6;
const xRows = Array.from({ length: n }, () => Array.from({ length: d }, () => rng.normal()));
const gemms = [tsGemm, openBlasGemm()].filter((g) => g !== null);

for (const gemm of gemms) {
  for (const activation of ["relu", "linear"] as const) {
    for (const loss of ["cross-entropy", "logistic", "exp"] as const) {
      for (const bias of [true, false]) {
        Deno.test(`mlp sgdStep() is one SGD step on the batch (${gemm.name}, ${activation}, ${loss}, bias ${bias})`, () => {
          const binary = loss !== "cross-entropy";
          const y = xRows.map((_, i) => binary ? (i % 3 === 0 ? -1 : 1) : i % 4);
          const data = { n, d, x: Float64Array.from(xRows.flat()), y: Float64Array.from(y) };
          // Widths past 64 so that OpenBLAS (not the TypeScript fallback for tiny products) does the weight update.
          const options: MlpOptions = { widths: [96, 80], activation, bias, loss, classes: 4, reduction: "mean", gemm };
          const p = mlp(data, options);
          const r = createRng(11);
          const w = Float64Array.from({ length: p.size }, () => 0.2 * r.normal());
          const rows = Uint32Array.from([5, 17, 2, 33, 8, 8, 21, 39, 0, 12, 30, 26, 14]);
          const lr = 0.3;
          const ref = referenceLossGrad(
            { ...options, outputs: binary ? 1 : 4 },
            [...rows].map((i) => xRows[i]!),
            [...rows].map((i) => y[i]!),
            w,
          );
          const want = w.map((v, i) => v - lr * ref.grad[i]!);
          assert.equal(p.sgdStep!(w, lr, rows, rows.length), true);
          const scale = Math.max(...want.map(Math.abs));
          assertAllClose(w, want, { rtol: 0, atol: 1e-12 * scale }, "parameters after one fused step");
        });
      }
    }
  }
}

Deno.test("mlp sgdStep() leaves the parameters as they were when the step would not be finite", () => {
  const data = { n: 4, d: 2, x: Float64Array.from([1, 0, 0, 1, 1, 1, -1, 2]), y: Float64Array.from([0, 1, 2, 1]) };
  const p = mlp(data, {
    widths: [3],
    activation: "relu",
    bias: true,
    loss: "cross-entropy",
    classes: 3,
    reduction: "sum",
  });
  const w = Float64Array.from({ length: p.size }, (_, i) => 0.1 * (i + 1));
  w[p.layers[1]!.w] = Infinity; // an outgoing weight: scores ±∞, a NaN loss derivative
  const before = w.slice();
  assert.equal(p.sgdStep!(w, 0.1, Uint32Array.from([0, 1, 2, 3]), 4), false);
  assert.deepEqual(Array.from(w), Array.from(before));
  assert.throws(
    () => p.sgdStep!(w, 0.1, new Uint32Array(p.fusedBatch! + 1), p.fusedBatch! + 1),
    /fused SGD step on 257/,
  );
});

Deno.test("sgd without momentum takes the fused step on an mlp, and the same iterates as the gradient path", () => {
  const y = xRows.map((_, i) => i % 4);
  const data = { n, d, x: Float64Array.from(xRows.flat()), y: Float64Array.from(y) };
  const p = mlp(data, {
    widths: [16],
    activation: "relu",
    bias: true,
    loss: "cross-entropy",
    classes: 4,
    reduction: "mean",
  });
  let fusedCalls = 0;
  const counted = {
    ...p,
    sgdStep: (...a: Parameters<NonNullable<typeof p.sgdStep>>) => (fusedCalls++, p.sgdStep!(...a)),
  };
  const { sgdStep: _, ...unfused } = p;
  const r = createRng(5);
  const w0 = Float64Array.from({ length: p.size }, () => 0.3 * r.normal());
  const a = w0.slice(), b = w0.slice();
  const fast = sgd(counted, { lr: 0.2, batch: 7, seed: 9 }), slow = sgd(unfused, { lr: 0.2, batch: 7, seed: 9 });
  for (let t = 0; t < 30; t++) assert.ok(fast.step(a) && slow.step(b));
  assert.equal(fusedCalls, 30);
  assertAllClose(a, b, { rtol: 0, atol: 1e-12 }, "fused vs gradient-then-update iterates after 30 steps");
});
