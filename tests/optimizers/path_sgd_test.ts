import assert from "node:assert/strict";
import { pathSgd } from "../../src/optimizers/path_sgd.ts";
import { sgd } from "../../src/optimizers/sgd.ts";
import { mlp, type MlpOptions } from "../../src/problems/mlp/mlp.ts";
import { createRng } from "../../src/random/rng.ts";
import { assertAllClose, assertClose } from "../_assert_close.ts";
import { referenceForward } from "../problems/mlp/_reference_mlp.ts";

/** γ by enumerating every input→output path (bias edges start a path from an always-1 unit). */
function bruteForceGamma(dims: number[], bias: boolean, theta: Float64Array): { gamma: number[]; pi: number } {
  // Index every edge: (level l, to i, from j) → offset; bias: (level l, to i) → offset.
  const wOff: number[] = [], bOff: number[] = [];
  let o = 0;
  for (let l = 0; l + 1 < dims.length; l++) {
    wOff.push(o);
    o += dims[l + 1]! * dims[l]!;
    bOff.push(bias ? o : -1);
    if (bias) o += dims[l + 1]!;
  }
  const gamma = new Array(o).fill(0);
  let pi = 0;
  const walk = (level: number, unit: number, edges: number[]) => {
    if (level === dims.length - 1) {
      const sq = edges.map((e) => theta[e]! ** 2);
      pi += sq.reduce((a, b) => a * b, 1);
      edges.forEach((e, t) => gamma[e] += sq.reduce((a, b, u) => (u === t ? a : a * b), 1));
      return;
    }
    for (let i = 0; i < dims[level + 1]!; i++) walk(level + 1, i, [...edges, wOff[level]! + i * dims[level]! + unit]);
  };
  for (let j = 0; j < dims[0]!; j++) walk(0, j, []);
  if (bias) {
    for (let l = 0; l + 1 < dims.length; l++) {
      for (let i = 0; i < dims[l + 1]!; i++) walk(l + 1, i, [bOff[l]! + i]);
    }
  }
  return { gamma, pi };
}

for (const bias of [true, false]) {
  Deno.test(`mlp pathGamma() equals brute-force path enumeration (bias ${bias})`, () => {
    const data = { n: 1, d: 2, x: new Float64Array([0.3, -1]), y: new Float64Array([1]) };
    const p = mlp(data, {
      widths: [3, 2],
      activation: "relu",
      bias,
      loss: "cross-entropy",
      classes: 2,
      reduction: "sum",
    });
    const rng = createRng(3);
    const theta = Float64Array.from({ length: p.size }, () => rng.normal());
    const gamma = new Float64Array(p.size);
    const pi = p.pathGamma(theta, gamma);
    const want = bruteForceGamma([2, 3, 2, 2], bias, theta);
    assertClose(pi, want.pi, { rtol: 1e-13 }, "π");
    assertAllClose(gamma, want.gamma, { rtol: 1e-13 }, "γ");
  });
}

Deno.test("pathSgd() takes the hand-computed step on x → a → b (one path, logistic loss)", () => {
  const data = { n: 1, d: 1, x: new Float64Array([1]), y: new Float64Array([1]) };
  const p = mlp(data, { widths: [1], activation: "relu", bias: false, loss: "logistic", reduction: "sum" });
  const a = 2, b = 3, lr = 0.5;
  const w = new Float64Array([a, b]);
  // f = b·relu(a·x) = 6; ℓ'(6) = −1/(1 + e⁶); ∂L/∂a = ℓ'·b, ∂L/∂b = ℓ'·a; γ_a = b², γ_b = a².
  const dl = -1 / (1 + Math.exp(6));
  assert.equal(pathSgd(p, { lr, batch: 1, seed: 0 }).step(w), true);
  assertClose(w[0]!, a - lr * (dl * b) / (b * b), { rtol: 1e-15 }, "a");
  assertClose(w[1]!, b - lr * (dl * a) / (a * a), { rtol: 1e-15 }, "b");
});

Deno.test("pathSgd() is invariant to node rescaling after one step while sgd() is not", () => {
  const rng = createRng(11);
  const n = 12, d = 3;
  const xs = Array.from({ length: n }, () => Array.from({ length: d }, () => rng.normal()));
  const data = { n, d, x: Float64Array.from(xs.flat()), y: Float64Array.from({ length: n }, (_, i) => i % 3) };
  const options: MlpOptions = {
    widths: [4, 3],
    activation: "relu",
    bias: true,
    loss: "cross-entropy",
    classes: 3,
    reduction: "mean",
  };
  const p = mlp(data, options);
  const theta = p.networkInit({ kind: "pytorch", seed: 4 });
  // Rescale every hidden unit of both hidden layers: incoming weights and bias by c, outgoing by 1/c.
  const scaled = theta.slice();
  const cs = [[3, 0.2, 7, 0.5], [0.1, 4, 2]];
  p.layers.slice(0, 2).forEach((layer, l) => {
    const next = p.layers[l + 1]!;
    cs[l]!.forEach((c, i) => {
      for (let j = 0; j < layer.in; j++) scaled[layer.w + i * layer.in + j]! *= c;
      scaled[layer.b + i]! *= c;
      for (let r = 0; r < next.out; r++) scaled[next.w + r * next.in + i]! /= c;
    });
  });
  const net = { ...options, widths: [4, 3], outputs: 3 };
  const outputs = (t: Float64Array) => xs.flatMap((xi) => referenceForward(net, xi, t));
  assertAllClose(outputs(scaled), outputs(theta), { rtol: 1e-12, atol: 1e-14 }, "rescaled function");

  const a = theta.slice(), b = scaled.slice();
  pathSgd(p, { lr: 0.5, batch: 5, seed: 1 }).step(a);
  pathSgd(p, { lr: 0.5, batch: 5, seed: 1 }).step(b);
  assertAllClose(outputs(b), outputs(a), { rtol: 1e-11, atol: 1e-13 }, "function after a Path-SGD step");

  const c = theta.slice(), e = scaled.slice();
  sgd(p, { lr: 0.5, batch: 5, seed: 1 }).step(c);
  sgd(p, { lr: 0.5, batch: 5, seed: 1 }).step(e);
  const fc = outputs(c), fe = outputs(e);
  const gap = Math.max(...fc.map((v, i) => Math.abs(v - fe[i]!)));
  assert.ok(gap > 1e-3, `SGD steps from the two points should give different functions (max gap ${gap})`);
});

Deno.test("the unbalanced init computes the balanced init's function", () => {
  const rng = createRng(2);
  const xs = Array.from({ length: 5 }, () => Array.from({ length: 4 }, () => rng.normal()));
  const data = { n: 5, d: 4, x: Float64Array.from(xs.flat()), y: new Float64Array(5) };
  const options: MlpOptions = {
    widths: [6, 5],
    activation: "relu",
    bias: true,
    loss: "cross-entropy",
    classes: 2,
    reduction: "mean",
  };
  const p = mlp(data, options);
  const balanced = p.networkInit({ kind: "balanced", seed: 9 });
  const unbalanced = p.networkInit({ kind: "unbalanced", seed: 9, spread: 10 });
  assert.notDeepEqual(balanced, unbalanced);
  const net = { ...options, widths: [6, 5], outputs: 2 };
  for (const xi of xs) {
    assertAllClose(referenceForward(net, xi, unbalanced), referenceForward(net, xi, balanced), { rtol: 1e-12 });
  }
});

Deno.test("pathSgd() refuses a problem without path scales", () => {
  const problem = {
    kind: "least-squares",
    size: 1,
    examples: 1,
    gradient: () => 0,
    predictor: () => ({ shape: [1], data: new Float64Array(1) }),
    params: () => ({}),
    smoothness: () => null,
  };
  assert.throws(
    () => pathSgd(problem, { lr: 1, batch: 1, seed: 0 }),
    /needs a network problem \(mlp\), not least-squares/,
  );
});
