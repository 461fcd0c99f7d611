import assert from "node:assert/strict";
import { linearClassification, marginLoss } from "../../../src/problems/linear_classification/linear_classification.ts";
import { separableData } from "../../../src/problems/shared/separable_data.ts";
import { maxMarginL2 } from "../../../src/reference/max_margin_l2.ts";
import { createRng } from "../../../src/random/rng.ts";
import { assertAllClose, assertClose } from "../../_assert_close.ts";

const data = separableData({ n: 12, d: 4, margin: 0.1, seed: 9 });

/** L(w) summed directly from the definition, as an independent computation. */
function directLoss(loss: "logistic" | "exp", w: Float64Array, rows: number[], mean: boolean): number {
  let s = 0;
  for (const i of rows) {
    let u = 0;
    for (let j = 0; j < data.d; j++) u += data.y[i]! * data.x[i * data.d + j]! * w[j]!;
    s += loss === "exp" ? Math.exp(-u) : Math.log(1 + Math.exp(-u));
  }
  return mean ? s / rows.length : s;
}

Deno.test("linearClassification() gradient matches central finite differences of the loss", () => {
  const rng = createRng(2);
  for (const loss of ["logistic", "exp"] as const) {
    for (const reduction of ["sum", "mean"] as const) {
      const p = linearClassification(data, { loss, reduction });
      const w = Float64Array.from({ length: data.d }, () => 0.5 * rng.normal());
      const g = new Float64Array(data.d);
      const all = Array.from({ length: data.n }, (_, i) => i);
      const l = p.gradient(w, g, true);
      assertClose(l, directLoss(loss, w, all, reduction === "mean"), { rtol: 1e-13 }, `${loss}/${reduction} loss`);
      const h = 1e-6;
      for (let j = 0; j < data.d; j++) {
        const wp = w.slice(), wm = w.slice();
        wp[j]! += h;
        wm[j]! -= h;
        const fd = (directLoss(loss, wp, all, reduction === "mean") - directLoss(loss, wm, all, reduction === "mean")) /
          (2 * h);
        assertClose(g[j]!, fd, { rtol: 1e-7, atol: 1e-9 }, `${loss}/${reduction} ∂${j}`);
      }
    }
  }
});

Deno.test("linearClassification() restricts the loss to a batch of rows", () => {
  const p = linearClassification(data, { loss: "logistic", reduction: "mean" });
  const w = new Float64Array([0.3, -0.2, 0.1, 0.5]);
  const g = new Float64Array(4);
  const rows = new Uint32Array([3, 7, 1, 99]);
  assertClose(p.gradient(w, g, true, rows, 3), directLoss("logistic", w, [3, 7, 1], true), { rtol: 1e-14 });
});

Deno.test("linearClassification() returns 0 loss when not asked and copies its outputs", () => {
  const p = linearClassification(data, { loss: "exp", reduction: "sum" });
  const w = new Float64Array(4);
  assert.equal(p.gradient(w, new Float64Array(4), false), 0);
  const beta = p.predictor(w);
  beta.data[0] = 5;
  assert.equal(w[0], 0);
  assert.deepEqual(beta.shape, [4]);
  assert.deepEqual(Object.keys(p.params(w)), ["w"]);
});

Deno.test("linearClassification() logGradient equals ∇L/L and log L, and survives underflow", async () => {
  for (const loss of ["logistic", "exp"] as const) {
    for (const reduction of ["sum", "mean"] as const) {
      const p = linearClassification(data, { loss, reduction });
      const w = new Float64Array([0.4, 0.1, -0.3, 0.2]);
      const g = new Float64Array(4), gl = new Float64Array(4);
      const l = p.gradient(w, g, true);
      const logL = p.logGradient!(w, gl);
      assertClose(logL, Math.log(l), { rtol: 1e-13 }, `${loss}/${reduction} log L`);
      assertAllClose(gl, g.map((v) => v / l), { rtol: 1e-12 }, `${loss}/${reduction} ∇ log L`);
    }
  }
  // Far along a separating direction every margin is > 745, so L rounds to 0 but ∇ log L stays finite.
  const p = linearClassification(data, { loss: "exp", reduction: "sum" });
  const ref = await maxMarginL2(p.z, 4);
  const w = ref.predictor!.data.map((v) => 1000 * v); // every margin ≥ 1000
  const g = new Float64Array(4);
  assert.equal(p.gradient(w, g, true), 0);
  const gl = new Float64Array(4);
  const logL = p.logGradient!(w, gl);
  assert.ok(Number.isFinite(logL) && logL < -745);
  assert.ok(gl.every(Number.isFinite) && gl.some((v) => v !== 0));
});

Deno.test("marginLoss() is stable at extreme margins", () => {
  assertClose(marginLoss("logistic", 800), Math.exp(-800), { rtol: 1e-12 });
  assert.equal(marginLoss("logistic", -800), 800);
  assertClose(marginLoss("logistic", 1e-20), Math.log(2), { rtol: 1e-15 });
  assert.equal(marginLoss("exp", -800), Infinity);
});

Deno.test("linearClassification() smoothness is σ_max²/4 for the logistic sum and unknown for exp", () => {
  const x = new Float64Array([2, 0, 0, 1]);
  const d2 = { n: 2, d: 2, x, y: new Float64Array([1, -1]) };
  assertClose(linearClassification(d2, { loss: "logistic", reduction: "sum" }).smoothness()!, 1, { rtol: 1e-12 });
  assertClose(linearClassification(d2, { loss: "logistic", reduction: "mean" }).smoothness()!, 0.5, { rtol: 1e-12 });
  assert.equal(linearClassification(d2, { loss: "exp", reduction: "sum" }).smoothness(), null);
});
