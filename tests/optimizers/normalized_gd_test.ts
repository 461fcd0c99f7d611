import assert from "node:assert/strict";
import { normalizedGd } from "../../src/optimizers/normalized_gd.ts";
import type { ProblemBase } from "../../src/engine/problem_base.ts";
import { assertAllClose } from "../_assert_close.ts";
import { gradAt, smallProblem } from "./_fixture.ts";

Deno.test("normalizedGd() takes w ← w − (η/L(w))∇L(w)", () => {
  const p = smallProblem("exp");
  const w = new Float64Array([0.1, 0.2, -0.1]);
  const g = gradAt(p, w);
  const l = p.gradient(w, new Float64Array(3), true);
  const expected = w.map((v, j) => v - (0.3 / l) * g[j]!);
  assert.ok(normalizedGd(p, { lr: 0.3 }).step(w));
  assertAllClose(w, expected, { rtol: 1e-13 });
});

Deno.test("normalizedGd() falls back to ∇L/L for problems without logGradient", () => {
  const full = smallProblem("logistic");
  const plain: ProblemBase = {
    kind: full.kind,
    size: full.size,
    examples: full.examples,
    gradient: full.gradient,
    predictor: full.predictor,
    params: full.params,
    smoothness: full.smoothness,
  };
  const a = new Float64Array([0.2, 0.1, 0.3]), b = a.slice();
  normalizedGd(full, { lr: 0.1 }).step(a);
  normalizedGd(plain, { lr: 0.1 }).step(b);
  assertAllClose(a, b, { rtol: 1e-13 });
});
