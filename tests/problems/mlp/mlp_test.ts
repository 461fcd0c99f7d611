import assert from "node:assert/strict";
import { mlp, type MlpOptions } from "../../../src/problems/mlp/mlp.ts";
import { createRng } from "../../../src/random/rng.ts";
import { assertAllClose, assertClose } from "../../_assert_close.ts";
import { referenceForward, referenceLossGrad } from "./_reference_mlp.ts";

function randomData(n: number, d: number, labels: (i: number) => number, seed = 1) {
  const rng = createRng(seed);
  const x = Array.from({ length: n }, () => Array.from({ length: d }, () => rng.normal()));
  const y = Array.from({ length: n }, (_, i) => labels(i));
  return { x, y, data: { n, d, x: Float64Array.from(x.flat()), y: Float64Array.from(y) } };
}

const ACTIVATIONS = ["relu", "linear"] as const;
const LOSSES = ["cross-entropy", "logistic", "exp"] as const;

for (const activation of ACTIVATIONS) {
  for (const loss of LOSSES) {
    for (const bias of [true, false]) {
      Deno.test(`mlp() gradient matches the reference and finite differences (${activation}, ${loss}, bias ${bias})`, () => {
        const binary = loss !== "cross-entropy";
        const k = binary ? 1 : 3;
        const { x, y, data } = randomData(9, 5, (i) => binary ? (i % 3 === 0 ? -1 : 1) : i % 3);
        const options: MlpOptions = { widths: [4, 3], activation, bias, loss, classes: 3, reduction: "mean" };
        const p = mlp(data, options);
        const rng = createRng(7);
        const theta = Float64Array.from({ length: p.size }, () => 0.6 * rng.normal());
        const grad = new Float64Array(p.size);
        const value = p.gradient(theta, grad, true);
        const ref = referenceLossGrad({ ...options, widths: [4, 3], outputs: k }, x, y, theta);
        assertClose(value, ref.loss, { rtol: 1e-12 }, "loss");
        assertAllClose(grad, ref.grad, { rtol: 1e-10, atol: 1e-13 }, "gradient");
        // Central differences, h = 1e-6: truncation and rounding both ≲ 1e-8 here.
        const h = 1e-6, scratch = new Float64Array(p.size);
        for (let e = 0; e < p.size; e++) {
          const t = theta.slice();
          t[e] = theta[e]! + h;
          const up = p.gradient(t, scratch, true);
          t[e] = theta[e]! - h;
          const down = p.gradient(t, scratch, true);
          assertClose(grad[e]!, (up - down) / (2 * h), { atol: 1e-7, rtol: 1e-5 }, `∂L/∂θ[${e}]`);
        }
        // A batch: the reduction applies to the listed rows only.
        const rows = new Uint32Array([4, 1, 7, 0]);
        const batchLoss = p.gradient(theta, grad, true, rows, 3);
        const sub = [4, 1, 7];
        const refBatch = referenceLossGrad(
          { ...options, widths: [4, 3], outputs: k },
          sub.map((i) => x[i]!),
          sub.map((i) => y[i]!),
          theta,
        );
        assertClose(batchLoss, refBatch.loss, { rtol: 1e-12 }, "batch loss");
        assertAllClose(grad, refBatch.grad, { rtol: 1e-10, atol: 1e-13 }, "batch gradient");
      });
    }
  }
}

Deno.test("mlp() sums over chunks of 256 examples the same as one pass (n = 600, sum reduction)", () => {
  const { x, y, data } = randomData(600, 6, (i) => i % 4, 3);
  const options: MlpOptions = {
    widths: [10],
    activation: "relu",
    bias: true,
    loss: "cross-entropy",
    classes: 4,
    reduction: "sum",
  };
  const p = mlp(data, options);
  const theta = p.networkInit({ kind: "pytorch", seed: 2 });
  const grad = new Float64Array(p.size);
  const value = p.gradient(theta, grad, true);
  const ref = referenceLossGrad({ ...options, widths: [10], outputs: 4 }, x, y, theta);
  assertClose(value, ref.loss, { rtol: 1e-12 });
  assertAllClose(grad, ref.grad, { rtol: 1e-9, atol: 1e-11 });
  const ev = p.evaluate(theta);
  assertClose(ev.lossSum, ref.loss, { rtol: 1e-12 });
  let errors = 0, minMargin = Infinity;
  x.forEach((xi, i) => {
    const f = referenceForward({ ...options, widths: [10], outputs: 4 }, xi, theta);
    const own = f[y[i]!]!;
    const gap = own - Math.max(...f.filter((_, c) => c !== y[i]));
    if (gap <= 0) errors++;
    minMargin = Math.min(minMargin, gap);
  });
  assert.equal(ev.errors, errors);
  assertClose(ev.minMargin, minMargin, { rtol: 1e-12 });
});

Deno.test("mlp() lays parameters out layer by layer: W (out×in, row-major) then b", () => {
  const data = { n: 1, d: 2, x: new Float64Array([1, 2]), y: new Float64Array([1]) };
  const p = mlp(data, { widths: [3], activation: "relu", bias: true, loss: "logistic", reduction: "sum" });
  assert.equal(p.size, 3 * 2 + 3 + 1 * 3 + 1);
  const theta = Float64Array.from({ length: p.size }, (_, i) => i);
  const named = p.params(theta);
  assert.deepEqual(Object.keys(named), ["W1", "b1", "W2", "b2"]);
  assert.deepEqual(named.W1!.shape, [3, 2]);
  assert.deepEqual(Array.from(named.W1!.data), [0, 1, 2, 3, 4, 5]);
  assert.deepEqual(Array.from(named.b1!.data), [6, 7, 8]);
  assert.deepEqual(Array.from(named.W2!.data), [9, 10, 11]);
  assert.deepEqual(Array.from(named.b2!.data), [12]);
  assert.deepEqual(Array.from(p.predictor(theta).data), Array.from(theta));
  // f(x) by hand: h = relu(W1 x + b1) = [0+2+6, 2+6+7, 4+10+8] = [8, 15, 22]; f = 9·8 + 10·15 + 11·22 + 12.
  const f = 9 * 8 + 10 * 15 + 11 * 22 + 12;
  const ev = p.evaluate(theta);
  assertClose(ev.minMargin, f);
  const noBias = mlp(data, { widths: [3], activation: "relu", bias: false, loss: "exp", reduction: "sum" });
  assert.deepEqual(Object.keys(noBias.params(new Float64Array(noBias.size))), ["W1", "W2"]);
  assert.equal(noBias.size, 9);
});

Deno.test("mlp() refuses labels that do not fit its loss", () => {
  const data = { n: 2, d: 1, x: new Float64Array([1, 2]), y: new Float64Array([0, 1]) };
  assert.throws(
    () => mlp(data, { widths: [2], activation: "relu", bias: true, loss: "logistic", reduction: "sum" }),
    /training label 0 must be -1 or 1 but was 0/,
  );
  assert.throws(
    () =>
      mlp(data, {
        widths: [2],
        activation: "relu",
        bias: true,
        loss: "cross-entropy",
        classes: 1,
        reduction: "sum",
      }),
    /classes ≥ 2 but was 1/,
  );
});

Deno.test("mlp() reuses its buffers: a gradient after an evaluation of the same point is identical", () => {
  const { data } = randomData(50, 4, (i) => (i % 2 ? 1 : -1));
  const p = mlp(data, { widths: [8, 8], activation: "relu", bias: true, loss: "logistic", reduction: "mean" });
  const theta = p.networkInit({ kind: "pytorch", seed: 0 });
  const g1 = new Float64Array(p.size), g2 = new Float64Array(p.size);
  p.gradient(theta, g1, true);
  p.evaluate(theta);
  p.gradient(theta, g2, true);
  assert.deepEqual(g1, g2);
});
