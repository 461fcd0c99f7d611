import assert from "node:assert/strict";
import { lastValueFrom } from "rxjs";
import { steepest } from "../../src/optimizers/steepest.ts";
import { gd } from "../../src/optimizers/gd.ts";
import { coordinate } from "../../src/optimizers/coordinate.ts";
import { linearClassification } from "../../src/problems/linear_classification/linear_classification.ts";
import { leastSquares } from "../../src/problems/least_squares/least_squares.ts";
import { separableData } from "../../src/problems/shared/separable_data.ts";
import { gaussianRegressionData } from "../../src/problems/shared/gaussian_regression_data.ts";
import type { ProblemBase } from "../../src/engine/problem_base.ts";
import { lpNorm } from "../../src/math/lp_norm.ts";
import { train } from "../../src/streams/train.ts";
import { analyze } from "../../src/run/analyze.ts";
import { assertAllClose, assertClose } from "../_assert_close.ts";

const data = separableData({ n: 8, d: 6, margin: 0.1, seed: 3 });
const logistic = linearClassification(data, { loss: "logistic", reduction: "sum" });
const exp = linearClassification(data, { loss: "exp", reduction: "sum" });

function gradAt(p: ProblemBase, w: Float64Array): Float64Array {
  const g = new Float64Array(p.size);
  p.gradient(w, g, false);
  return g;
}

Deno.test("steepest() w.r.t. ℓ2 is gradient descent, bit for bit", () => {
  const lsq = leastSquares(gaussianRegressionData({ n: 4, d: 6, noise: 0, seed: 1 }), { reduction: "sum" });
  for (const [problem, lr] of [[logistic, 0.1], [lsq, 0.02]] as const) {
    for (const norm of ["l2", 2] as const) {
      const a = new Float64Array(6), b = new Float64Array(6);
      const s = steepest(problem, { norm, lr }), g = gd(problem, { lr });
      for (let t = 0; t < 2000; t++) {
        assert.ok(s.step(a));
        g.step(b);
      }
      assert.deepEqual(a, b, `${problem.kind}, norm ${norm}`);
    }
  }
});

Deno.test("steepest() w.r.t. ℓ1 moves only the steepest coordinate: greedy coordinate descent", () => {
  const w = Float64Array.from([0.1, -0.2, 0, 0.3, 0, 0]);
  const g = gradAt(logistic, w);
  const j = g.reduce((best, v, k) => Math.abs(v) > Math.abs(g[best]!) ? k : best, 0);
  const expected = w.slice();
  expected[j] = w[j]! - 0.5 * g[j]!;
  assert.ok(steepest(logistic, { norm: "l1", lr: 0.5 }).step(w));
  assert.deepEqual(w, expected);
  const a = new Float64Array(6), b = new Float64Array(6);
  const s = steepest(logistic, { norm: 1, lr: 0.3 }), c = coordinate(logistic, { rule: "greedy", lr: 0.3 });
  for (let t = 0; t < 500; t++) {
    s.step(a);
    c.step(b);
  }
  assert.deepEqual(a, b);
});

Deno.test("steepest() w.r.t. ℓ∞ is sign descent scaled by ‖∇L‖₁", () => {
  const w = Float64Array.from([0.1, -0.2, 0, 0.3, 0, 0]);
  const g = gradAt(logistic, w), l1 = lpNorm(g, 1);
  const expected = w.map((v, j) => v - 0.01 * l1 * Math.sign(g[j]!));
  assert.ok(steepest(logistic, { norm: "linf", lr: 0.01 }).step(w));
  assertAllClose(w, expected, { rtol: 1e-15, atol: 1e-17 });
});

Deno.test("steepest() w.r.t. ℓp takes Δ with ⟨∇L, Δ⟩ = −η‖∇L‖²_q and ‖Δ‖_p = η‖∇L‖_q", () => {
  for (const p of [1.5, 3, 4 / 3]) {
    const q = p / (p - 1), lr = 0.05;
    const w = Float64Array.from([0.2, 0.1, -0.3, 0.05, 0.4, -0.1]);
    const before = w.slice(), g = gradAt(logistic, w);
    assert.ok(steepest(logistic, { norm: p, lr }).step(w));
    const delta = w.map((v, j) => v - before[j]!);
    const gq = lpNorm(g, q);
    assertClose(delta.reduce((s, v, j) => s + v * g[j]!, 0), -lr * gq * gq, { rtol: 1e-12 }, `⟨g, Δ⟩ at p = ${p}`);
    assertClose(lpNorm(delta, p), lr * gq, { rtol: 1e-12 }, `‖Δ‖_p at p = ${p}`);
  }
});

Deno.test("steepest() refuses a step whose loss would overflow, keeping the last finite point", () => {
  const w = new Float64Array(6);
  const opt = steepest(exp, { norm: "linf", lr: 10 });
  let refused = -1;
  for (let t = 0; t < 100 && refused < 0; t++) if (!opt.step(w)) refused = t;
  assert.ok(refused >= 0, "a huge sign-descent step overflows e^{-u}");
  const g = new Float64Array(6);
  assert.ok(Number.isFinite(exp.gradient(w, g, true)) && g.every(Number.isFinite));
});

Deno.test("steepest() on the exponential loss ends a run as diverged with finite metrics", async () => {
  const spec = {
    problem: { kind: "linear-classification", loss: "exp", data: { kind: "separable", n: 10, d: 30, seed: 1 } },
    optimizer: { kind: "steepest", norm: "linf", lr: 0.01 },
    steps: 1000,
    backend: "cpu",
  };
  const last = await lastValueFrom(train(spec).pipe(analyze(spec)));
  assert.equal(last.status, "diverged");
  assert.match(last.message ?? "", /not finite/);
  for (const [name, value] of Object.entries(last.metrics)) assert.ok(Number.isFinite(value), `${name} = ${value}`);
});
