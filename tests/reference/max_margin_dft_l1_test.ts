import assert from "node:assert/strict";
import { Matrix, pseudoInverse } from "ml-matrix";
import { unitaryDft } from "../../src/math/unitary_dft.ts";
import { maxMarginDftL1 } from "../../src/reference/max_margin_dft_l1.ts";
import { createRng } from "../../src/random/rng.ts";
import { assertAllClose, assertClose } from "../_assert_close.ts";

/** The closed form for one example z: all of β̂ on k* = argmax|ẑₖ| (and d − k*), β = P_{k*}z / (w·|ẑ_{k*}|²). */
function oneExample(z: number[]): { margin: number; beta: number[]; k: number } {
  const d = z.length, { re, im } = unitaryDft(z);
  const mags = re.map((r, k) => Math.hypot(r, im[k]!));
  const k = mags.indexOf(Math.max(...mags.slice(0, Math.floor(d / 2) + 1)));
  const w = k === 0 || 2 * k === d ? 1 : 2;
  const beta = z.map((_, j) => {
    const t = (2 * Math.PI * j * k) / d;
    const pz = (w / Math.sqrt(d)) * (re[k]! * Math.cos(t) - im[k]! * Math.sin(t)); // P_k z
    return pz / (w * mags[k]! ** 2);
  });
  return { margin: mags[k]!, beta, k };
}

Deno.test("maxMarginDftL1() matches the closed form for one example (complex and real top frequencies)", async () => {
  for (
    const z of [
      [0.9, -0.4, -0.7, 0.5, 0.6, -0.8, -0.3, 0.2], // k* = 2 of d = 8
      [1, 0.3, -0.2, 0.4, 0.1], // odd d
      [2, 1.5, 1.8, 2.2, 1.9, 2.1], // k* = 0 (the mean)
      [1, -1.2, 0.9, -1.1, 1.05, -0.95], // k* = d/2 (alternating)
      // NumPy default_rng(20261209).standard_normal((1, 9)): the cutting planes stalled on it (issue 13)
      [
        -2.009869059718696,
        -0.13756949846594335,
        -1.2626085472932584,
        1.205623625732757,
        -1.347470296264189,
        0.362941705167681,
        -1.486447284726333,
        0.3317710281806798,
        0.36491588340515113,
      ],
    ]
  ) {
    const want = oneExample(z);
    const ref = await maxMarginDftL1(Float64Array.from(z), z.length);
    assert.ok(ref.predictor, ref.predictor === null ? ref.error : "");
    assertClose(ref.margin!, want.margin, { rtol: 1e-9 }, `margin of ${z}`);
    assertAllClose(ref.predictor.data, want.beta, { atol: 1e-4 * Math.max(...want.beta.map(Math.abs)) }, `β of ${z}`);
    assert.deepEqual(ref.support, [0]);
    const beta = Array.from(ref.predictor.data);
    assertClose(beta.reduce((s, b, j) => s + b * z[j]!, 0), 1, { rtol: 1e-12 }, "the margin is exactly 1");
  }
});

Deno.test("maxMarginDftL1() solutions carry a dual certificate on several examples", async () => {
  const rng = createRng(4);
  const n = 4, d = 7;
  const z = Float64Array.from({ length: n * d }, (_, i) => rng.normal() + (i % d === 0 ? 1.5 : 0));
  const ref = await maxMarginDftL1(z, d);
  assert.ok(ref.predictor);
  const beta = ref.predictor.data, hat = unitaryDft(beta);
  const norm = hat.re.reduce((s, r, k) => s + Math.hypot(r, hat.im[k]!), 0);
  assertClose(ref.margin!, 1 / norm, { rtol: 1e-12 });
  // KKT: v = Σ_{n∈S} λₙzₙ with λ ≥ 0 has v̂ₖ = β̂ₖ/|β̂ₖ| where β̂ₖ ≠ 0 and |v̂ₖ| ≤ 1 elsewhere; then Σλ = ‖β̂‖₁.
  const support = ref.support!;
  const zh = support.map((i) => unitaryDft(z.subarray(i * d, (i + 1) * d)));
  const on = Array.from({ length: d }, (_, k) => k).filter((k) => Math.hypot(hat.re[k]!, hat.im[k]!) > 1e-4 * norm);
  const rows: number[][] = [], rhs: number[] = [];
  for (const k of on) {
    const mag = Math.hypot(hat.re[k]!, hat.im[k]!);
    rows.push(zh.map((t) => t.re[k]!), zh.map((t) => t.im[k]!));
    rhs.push(hat.re[k]! / mag, hat.im[k]! / mag);
  }
  const lambda = pseudoInverse(new Matrix(rows)).mmul(Matrix.columnVector(rhs)).getColumn(0);
  assert.ok(lambda.every((l) => l >= -1e-6), `λ = ${lambda}`);
  assertAllClose(new Matrix(rows).mmul(Matrix.columnVector(lambda)).getColumn(0), rhs, { atol: 1e-4 });
  for (let k = 0; k < d; k++) {
    const re = zh.reduce((s, t, i) => s + lambda[i]! * t.re[k]!, 0),
      im = zh.reduce((s, t, i) => s + lambda[i]! * t.im[k]!, 0);
    assert.ok(Math.hypot(re, im) <= 1 + 1e-4, `|v̂_${k}| = ${Math.hypot(re, im)}`);
  }
  assertClose(lambda.reduce((s, l) => s + l, 0), norm, { rtol: 1e-5 });
  for (let i = 0; i < n; i++) {
    assert.ok(beta.reduce((s, b, j) => s + b * z[i * d + j]!, 0) >= 1 - 1e-12);
  }
});

Deno.test("maxMarginDftL1() explains data that cannot be separated through the origin", async () => {
  const opposite = await maxMarginDftL1(new Float64Array([1, 2, 3, -1, -2, -3]), 3);
  assert.equal(opposite.predictor, null);
  assert.match(opposite.predictor === null ? opposite.error : "", /not linearly separable/);
  const zero = await maxMarginDftL1(new Float64Array([1, 2, 0, 0]), 2);
  assert.match(zero.predictor === null ? zero.error : "", /example 1 is the zero vector/);
  await assert.rejects(() => maxMarginDftL1(new Float64Array([1, 2, 3]), 2), RangeError);
});

Deno.test("maxMarginDftL1() reaches the certified gap on 40 random instances (never a silent null)", async () => {
  const rng = createRng(11);
  for (let trial = 0; trial < 40; trial++) {
    const d = 3 + (trial % 14), n = 1 + (trial % 5);
    const w = Float64Array.from({ length: d }, () => rng.normal());
    const z = new Float64Array(n * d);
    for (let i = 0; i < n; i++) {
      let dot = 0;
      for (let j = 0; j < d; j++) dot += (z[i * d + j] = rng.normal()) * w[j]!;
      if (dot < 0) { for (let j = 0; j < d; j++) z[i * d + j]! *= -1; // separable through the origin by w
       }
    }
    const ref = await maxMarginDftL1(z, d);
    assert.ok(ref.predictor, `trial ${trial} (n = ${n}, d = ${d}): ${ref.predictor === null ? ref.error : ""}`);
    // Dropping constraints only raises the max margin: each example alone bounds it by maxₖ |ẑᵢₖ|.
    const bound = Math.min(...Array.from({ length: n }, (_, i) => {
      const { re, im } = unitaryDft(z.subarray(i * d, (i + 1) * d));
      return Math.max(...re.map((r, k) => Math.hypot(r, im[k]!)));
    }));
    assert.ok(ref.margin! <= bound * (1 + 1e-9), `margin ${ref.margin} above the one-example bound ${bound}`);
  }
});
