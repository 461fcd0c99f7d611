/**
 * Least squares, docs/experiments.md §4 (seed slide 19; Gunasekar et al., ICML 2018,
 * §2): GD and momentum converge to w₀ + X⁺(y − Xw₀) whatever the step size;
 * AdaGrad, steepest descent w.r.t. ℓ4/3 and coordinate descent converge to
 * limits that depend on the step size.
 */
import assert from "node:assert/strict";
import { presetSpec } from "../../src/presets/presets.ts";
import { minNormLeastSquares } from "../../src/reference/min_norm_least_squares.ts";
import { minLpInterpolant } from "../../src/reference/min_lp_interpolant.ts";
import { relativeError } from "../../src/math/relative_error.ts";
import { gaussianRegressionData } from "../../src/problems/shared/gaussian_regression_data.ts";
import { last, record } from "./_record.ts";

const X = Float64Array.of(1, 1, 1, 1, 2, 0), Y = Float64Array.of(1, 10);

/** The final predictor and metrics of a preset with its optimizer's lr (and init) replaced. */
async function limit(preset: string, lr: number, init?: unknown) {
  const spec = presetSpec(preset) as Record<string, unknown>;
  const optimizer = { ...(spec.optimizer as Record<string, unknown>), lr };
  const end = last(await record({ ...spec, optimizer, ...(init ? { init } : {}) }));
  assert.equal(end.status, "done", `${preset} at lr ${lr}: ${end.message}`);
  assert.ok(end.metrics.loss! < 1e-20, `${preset} at lr ${lr} interpolates (loss ${end.metrics.loss})`);
  return end;
}

function maxPairwise(ws: Float64Array[]): [number, number] {
  let lo = Infinity, hi = 0;
  for (let a = 0; a < ws.length; a++) {
    for (let b = a + 1; b < ws.length; b++) {
      const d = Math.hypot(...ws[a]!.map((v, j) => v - ws[b]![j]!));
      lo = Math.min(lo, d);
      hi = Math.max(hi, d);
    }
  }
  return [lo, hi];
}

Deno.test("lsq-gd and lsq-momentum reach w₀ + X⁺(y − Xw₀) to 1e-8, from 0 and from w₀ ≠ 0", async () => {
  const w0 = [1, -2, 0.5];
  for (const preset of ["lsq-gd", "lsq-momentum"]) {
    for (const init of [undefined, { kind: "values", values: w0 }]) {
      const lr = preset === "lsq-gd" ? 0.03 : 0.003;
      const end = await limit(preset, lr, init);
      const expected = minNormLeastSquares(X, Y, init ? Float64Array.from(w0) : undefined).predictor!.data;
      const err = relativeError(end.predictor.data, expected);
      assert.ok(err < 1e-8, `${preset} from ${init ? "w₀" : "0"}: ${err}`);
      assert.ok(end.metrics.rel_err_ref! < 1e-8);
    }
  }
});

Deno.test("GD from 0 on random underdetermined data (n < d) reaches X⁺y to 1e-8", async () => {
  const data = { kind: "gaussian", n: 10, d: 40, noise: 0, seed: 3 } as const;
  const end = last(
    await record({ problem: { kind: "least-squares", data }, optimizer: { kind: "gd", lr: 0.005 }, steps: 20_000 }),
  );
  const d = gaussianRegressionData(data);
  assert.ok(relativeError(end.predictor.data, minNormLeastSquares(d.x, d.y).predictor!.data) < 1e-8);
});

Deno.test("three step sizes: GD's limits agree to 1e-8; AdaGrad's, steepest ℓ4/3's and coordinate descent's differ by > 1e-3", async () => {
  const cases: [string, number[]][] = [
    ["lsq-gd", [0.01, 0.03, 0.1]],
    ["lsq-momentum", [0.001, 0.003, 0.01]],
    ["lsq-adagrad", [0.1, 0.3, 1]],
    ["lsq-steepest-4-3", [0.01, 0.03, 0.1]],
    ["lsq-coordinate", [0.01, 0.03, 0.1]],
  ];
  for (const [preset, lrs] of cases) {
    const limits = [];
    for (const lr of lrs) limits.push((await limit(preset, lr)).predictor.data);
    const [closest, farthest] = maxPairwise(limits);
    if (preset === "lsq-gd" || preset === "lsq-momentum") {
      assert.ok(farthest < 1e-8, `${preset}: limits differ by ${farthest}`);
    } else {
      assert.ok(closest > 1e-3, `${preset}: two limits only ${closest} apart`);
    }
  }
});

Deno.test("steepest ℓ4/3 misses the minimum-ℓ4/3 interpolant; mirror descent with ½‖w‖²_1.5 hits its own", async () => {
  const steep = (await limit("lsq-steepest-4-3", 0.03)).predictor.data;
  const minL43 = (await minLpInterpolant(X, Y, 4 / 3)).predictor!.data;
  assert.ok(relativeError(steep, minL43) > 1e-2, "not the min-ℓ4/3 solution");
  const target = (await minLpInterpolant(X, Y, 1.5)).predictor!.data;
  for (const lr of [0.01, 0.03, 0.1]) {
    const end = await limit("lsq-mirror-1.5", lr);
    assert.ok(relativeError(end.predictor.data, target) < 1e-8, `mirror at lr ${lr}`);
  }
});
