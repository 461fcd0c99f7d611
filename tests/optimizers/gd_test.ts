import assert from "node:assert/strict";
import { gd } from "../../src/optimizers/gd.ts";
import { gradAt, smallProblem } from "./_fixture.ts";

Deno.test("gd() takes w ← w − η∇L(w)", () => {
  const p = smallProblem();
  const w = new Float64Array([0.1, -0.2, 0.3]);
  const expected = w.map((v, j) => v - 0.5 * gradAt(p, w)[j]!);
  assert.ok(gd(p, { lr: 0.5 }).step(w));
  assert.deepEqual(w, expected);
});

Deno.test("gd() with momentum follows PyTorch's heavy-ball and Nesterov recurrences", () => {
  const p = smallProblem();
  for (const nesterov of [false, true]) {
    const mu = 0.9, lr = 0.05;
    const w = new Float64Array(3), ref = new Float64Array(3), b = new Float64Array(3);
    const opt = gd(p, { lr, momentum: mu, nesterov });
    for (let t = 0; t < 20; t++) {
      const g = gradAt(p, ref);
      for (let j = 0; j < 3; j++) {
        b[j] = mu * b[j]! + g[j]!;
        ref[j]! -= lr * (nesterov ? g[j]! + mu * b[j]! : b[j]!);
      }
      opt.step(w);
    }
    assert.deepEqual(w, ref, `nesterov = ${nesterov}`);
    assert.deepEqual(opt.state().momentum?.data, b);
  }
});

Deno.test("gd() refuses a non-finite gradient and leaves the parameters untouched", () => {
  const p = smallProblem("exp");
  const w = new Float64Array([-1e4, -1e4, -1e4]); // margins ≪ −745: e⁻ᵘ overflows
  const before = w.slice();
  assert.equal(gd(p, { lr: 0.1 }).step(w), false);
  assert.deepEqual(w, before);
});
