import assert from "node:assert/strict";
import { multiclassSvm } from "../../src/reference/multiclass_svm.ts";
import { separableMulticlassData } from "../../src/problems/shared/separable_multiclass_data.ts";
import { solveLinear } from "./_solve_linear.ts";
import { assertAllClose, assertClose } from "../_assert_close.ts";

Deno.test("multiclassSvm() of three unit vectors at 120° is W = (2/3)·X", async () => {
  // By symmetry the optimum is w_c = a·x_c; ⟨w_y − w_c, x_y⟩ = a(1 − cos 120°) = 1.5a = 1.
  const x = new Float64Array(
    [0, 1, 2].flatMap((c) => [Math.cos((2 * Math.PI * c) / 3), Math.sin((2 * Math.PI * c) / 3)]),
  );
  const ref = await multiclassSvm(x, Float64Array.of(0, 1, 2), 3);
  assert.ok(ref.predictor !== null);
  assert.deepEqual(ref.predictor.shape, [3, 2]);
  assertAllClose(ref.predictor.data, x.map((v) => (2 / 3) * v), { atol: 1e-12 });
  assertClose(ref.margin!, 1 / Math.sqrt(4 / 3), { rtol: 1e-12 });
});

Deno.test("multiclassSvm() with two classes on a symmetric example is W = [(−½, 0); (½, 0)]", async () => {
  // Class 1 at (1, 0), (2, 1); class 0 at their negatives. ⟨w₁ − w₀, (1, 0)⟩ ≥ 1 forces ‖w₁ − w₀‖ ≥ 1, and
  // ½‖W‖² with w₁ − w₀ = (1, 0) is least at w₁ = −w₀ = (½, 0), which also satisfies the other constraints.
  const ref = await multiclassSvm(Float64Array.of(1, 0, 2, 1, -1, 0, -2, -1), Float64Array.of(1, 1, 0, 0), 2);
  assert.ok(ref.predictor !== null);
  assertAllClose(ref.predictor.data, [-0.5, 0, 0.5, 0], { atol: 1e-12 });
});

Deno.test("multiclassSvm() on random separable data has a KKT certificate: W = Σ αₙ꜀(e_yₙ − e_c)xₙᵀ, α ≥ 0 on the active set", async () => {
  const k = 3, d = 4, n = 24;
  const data = separableMulticlassData({ n, d, classes: k, margin: 0.2, seed: 7 });
  const ref = await multiclassSvm(data.x, data.y, k);
  assert.ok(ref.predictor !== null);
  const w = ref.predictor.data;
  const dot = (c: number, i: number) => data.x.subarray(i * d, i * d + d).reduce((a, v, j) => a + v * w[c * d + j]!, 0);
  // Primal feasibility, and the active constraints (margin 1).
  const active: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const y = data.y[i]!;
    for (let c = 0; c < k; c++) {
      if (c === y) continue;
      const m = dot(y, i) - dot(c, i);
      assert.ok(m >= 1 - 1e-8, `margin ${m} of point ${i} against class ${c}`);
      if (m <= 1 + 1e-7) active.push([i, c]);
    }
  }
  assert.ok(active.length > 0 && active.length <= k * d, `${active.length} active constraints`);
  // Stationarity: W (flattened, k·d) = G·α with G's columns (e_y − e_c) ⊗ xₙ; solve GᵀG α = Gᵀw here.
  const col = ([i, c]: [number, number]) => {
    const g = new Float64Array(k * d);
    for (let j = 0; j < d; j++) {
      g[data.y[i]! * d + j] = data.x[i * d + j]!;
      g[c * d + j] = -data.x[i * d + j]!;
    }
    return g;
  };
  const cols = active.map(col);
  const dotv = (a: Float64Array, b: Float64Array) => a.reduce((s, v, j) => s + v * b[j]!, 0);
  const gram = cols.flatMap((a) => cols.map((b) => dotv(a, b)));
  const alpha = solveLinear(gram, cols.map((a) => dotv(a, w)));
  for (const a of alpha) assert.ok(a >= -1e-8, `multiplier ${a} < 0: not optimal`);
  const rebuilt = new Float64Array(k * d);
  cols.forEach((g, m) => g.forEach((v, j) => rebuilt[j]! += alpha[m]! * v));
  assertAllClose(rebuilt, w, { rtol: 1e-7, atol: 1e-9 });
});

Deno.test("multiclassSvm() explains why there is no separator", async () => {
  // The same point in two classes.
  const ref = await multiclassSvm(Float64Array.of(1, 1, 1, 1), Float64Array.of(0, 1), 2);
  assert.equal(ref.predictor, null);
  assert.match(ref.predictor === null ? ref.error : "", /not separable by a linear k-class predictor/);
});
