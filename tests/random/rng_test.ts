import assert from "node:assert/strict";
import { createRng } from "../../src/random/rng.ts";

Deno.test("createRng() repeats its stream for a seed and differs across seeds", () => {
  const a = createRng(42), b = createRng(42), c = createRng(43);
  const xa = Array.from({ length: 8 }, () => a.uniform());
  const xb = Array.from({ length: 8 }, () => b.uniform());
  const xc = Array.from({ length: 8 }, () => c.uniform());
  assert.deepEqual(xa, xb);
  assert.notDeepEqual(xa, xc);
});

Deno.test("createRng() draws uniforms in [0, 1) and normals with the right moments", () => {
  const rng = createRng(1);
  const n = 200_000;
  let su = 0, sn = 0, sn2 = 0, min = 1, max = 0;
  for (let i = 0; i < n; i++) {
    const u = rng.uniform();
    su += u;
    min = Math.min(min, u);
    max = Math.max(max, u);
    const g = rng.normal();
    sn += g;
    sn2 += g * g;
  }
  assert.ok(min >= 0 && max < 1);
  // Standard errors: uniform mean 0.29/√n ≈ 6.5e-4, normal mean 1/√n ≈ 2.2e-3.
  assert.ok(Math.abs(su / n - 0.5) < 4e-3);
  assert.ok(Math.abs(sn / n) < 1e-2);
  assert.ok(Math.abs(sn2 / n - 1) < 2e-2);
});

Deno.test("createRng() shuffles into a permutation and draws integers in range", () => {
  const rng = createRng(5);
  const a = rng.shuffle(Array.from({ length: 50 }, (_, i) => i));
  assert.deepEqual([...a].sort((p, q) => p - q), Array.from({ length: 50 }, (_, i) => i));
  for (let i = 0; i < 1000; i++) {
    const k = rng.int(3);
    assert.ok(k === 0 || k === 1 || k === 2);
  }
  assert.throws(() => rng.int(0), RangeError);
  assert.throws(() => createRng(NaN), RangeError);
});
