import assert from "node:assert/strict";
import { coordinate } from "../../src/optimizers/coordinate.ts";
import { leastSquares } from "../../src/problems/least_squares/least_squares.ts";
import { gaussianRegressionData } from "../../src/problems/shared/gaussian_regression_data.ts";

const problem = leastSquares(gaussianRegressionData({ n: 3, d: 4, noise: 0, seed: 2 }), { reduction: "sum" });

Deno.test("coordinate() cyclic changes coordinates 0, 1, …, d−1 in turn by −η∂ⱼL", () => {
  const opt = coordinate(problem, { rule: "cyclic", lr: 0.1 });
  const w = new Float64Array(4), g = new Float64Array(4);
  for (let t = 0; t < 9; t++) {
    problem.gradient(w, g, false);
    const expected = w.slice();
    expected[t % 4] = w[t % 4]! - 0.1 * g[t % 4]!;
    assert.ok(opt.step(w));
    assert.deepEqual(w, expected, `step ${t}`);
  }
});

Deno.test("coordinate() greedy changes the coordinate with the largest |∂ⱼL|", () => {
  const opt = coordinate(problem, { rule: "greedy", lr: 0.1 });
  const w = new Float64Array(4), g = new Float64Array(4);
  for (let t = 0; t < 5; t++) {
    problem.gradient(w, g, false);
    const j = g.reduce((best, v, k) => Math.abs(v) > Math.abs(g[best]!) ? k : best, 0);
    const before = w.slice();
    assert.ok(opt.step(w));
    assert.deepEqual([...w.keys()].filter((k) => w[k] !== before[k]), [j]);
  }
});

Deno.test("coordinate() descent converges to an interpolant on underdetermined least squares", () => {
  const opt = coordinate(problem, { rule: "cyclic", lr: 0.1 });
  const w = new Float64Array(4);
  for (let t = 0; t < 20000; t++) opt.step(w);
  assert.ok(problem.gradient(w, new Float64Array(4), true) < 1e-20);
});
