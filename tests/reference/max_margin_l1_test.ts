import assert from "node:assert/strict";
import { maxMarginL1 } from "../../src/reference/max_margin_l1.ts";
import { maxMarginL2 } from "../../src/reference/max_margin_l2.ts";
import { maxMarginLinf } from "../../src/reference/max_margin_linf.ts";
import { minMargin } from "../../src/math/min_margin.ts";
import { separableData } from "../../src/problems/shared/separable_data.ts";
import { soudryFig1 } from "../../src/problems/shared/soudry_fig1.ts";
import { linearClassification } from "../../src/problems/linear_classification/linear_classification.ts";
import type { Reference } from "../../src/reference/reference.ts";
import { assertAllClose, assertClose } from "../_assert_close.ts";
import { bruteForceMargin2d } from "./_brute_force_margin.ts";

Deno.test("maxMarginL1() of one point is e_j/z_j on its largest coordinate, margin ‖z‖_∞", async () => {
  const ref = await maxMarginL1(Float64Array.of(0.5, -2, 1), 3);
  assert.ok(ref.predictor !== null);
  assertAllClose(ref.predictor.data, [0, -0.5, 0], { atol: 1e-12 });
  assertClose(ref.margin!, 2, { rtol: 1e-12 });
  assert.deepEqual(ref.support, [0]);
});

Deno.test("maxMarginL1() matches a brute-force search over directions in 2-D", async () => {
  const z = linearClassification(soudryFig1(), { loss: "exp", reduction: "sum" }).z;
  const ref = await maxMarginL1(z, 2);
  assert.ok(ref.predictor !== null);
  assertClose(ref.margin!, bruteForceMargin2d(z, 1), { rtol: 1e-9 });
  assertClose(minMargin(z, ref.predictor.data, 1), ref.margin!, { rtol: 1e-12 });
  // Exactly feasible: the smallest margin is 1.
  assertClose(
    Math.min(
      ...Array.from(
        { length: 16 },
        (_, i) => z[2 * i]! * ref.predictor!.data[0]! + z[2 * i + 1]! * ref.predictor!.data[1]!,
      ),
    ),
    1,
    { rtol: 1e-14 },
  );
});

Deno.test("max-margin references each win in their own norm (n < d)", async () => {
  const data = separableData({ n: 10, d: 30, margin: 0.1, seed: 1 });
  const z = linearClassification(data, { loss: "exp", reduction: "sum" }).z;
  const refs = new Map<number, Reference>();
  for (const [p, solve] of [[1, maxMarginL1], [2, maxMarginL2], [Infinity, maxMarginLinf]] as const) {
    const ref = await solve(z, 30);
    assert.ok(ref.predictor !== null);
    refs.set(p, ref);
  }
  for (const [p, own] of refs) {
    for (const [other, them] of refs) {
      if (other === p) continue;
      const theirs = minMargin(z, them.predictor.data, p);
      assert.ok(theirs <= own.margin! * (1 + 1e-9), `ℓ${p}: ${theirs} > ${own.margin}`);
      assert.ok(theirs < 0.95 * own.margin!, `ℓ${p} vs ℓ${other}: the solutions differ markedly when n < d`);
    }
  }
  // ‖w‖₂ ≤ ‖w‖₁ and ‖w‖_∞ ≤ ‖w‖₂ order the max margins: γ₁ ≤ γ₂ ≤ γ_∞.
  const [g1, g2, ginf] = [1, 2, Infinity].map((p) => refs.get(p)!.margin!);
  assert.ok(g1! <= g2! && g2! <= ginf!);
});

Deno.test("maxMarginL1() explains why there is no separator", async () => {
  const ref = await maxMarginL1(Float64Array.of(1, 0, -1, 0), 2);
  assert.equal(ref.predictor, null);
  assert.match(ref.predictor === null ? ref.error : "", /not linearly separable/);
  const zero = await maxMarginL1(Float64Array.of(1, 0, 0, 0), 2);
  assert.match(zero.predictor === null ? zero.error : "", /example 1 is the zero vector/);
  await assert.rejects(() => maxMarginL1(Float64Array.of(1, 2, 3), 2), RangeError);
});
