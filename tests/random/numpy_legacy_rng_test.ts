import assert from "node:assert/strict";
import { createNumpyLegacyRng } from "../../src/random/numpy_legacy_rng.ts";

const fixture = JSON.parse(Deno.readTextFileSync(new URL("../fixtures/numpy_legacy.json", import.meta.url)));

Deno.test("createNumpyLegacyRng() reproduces np.random.randn bit for bit", () => {
  for (const [seed, values] of Object.entries(fixture.randn as Record<string, number[]>)) {
    const rng = createNumpyLegacyRng(Number(seed));
    assert.deepEqual(values.map(() => rng.normal()), values, `seed ${seed}`);
  }
});

Deno.test("createNumpyLegacyRng() reproduces np.random.random_sample bit for bit", () => {
  for (const [seed, values] of Object.entries(fixture.random_sample as Record<string, number[]>)) {
    const rng = createNumpyLegacyRng(Number(seed));
    assert.deepEqual(values.map(() => rng.uniform()), values, `seed ${seed}`);
  }
});

Deno.test("createNumpyLegacyRng() keeps the cached second Gaussian across calls like NumPy", () => {
  // randn(9) draws 5 polar pairs; a fresh draw after an odd count uses the cache.
  const a = createNumpyLegacyRng(1), b = createNumpyLegacyRng(1);
  const first = [a.normal(), a.normal(), a.normal()];
  assert.deepEqual(first, fixture.randn["1"].slice(0, 3));
  assert.equal(a.normal(), fixture.randn["1"][3]);
  b.uniform(); // consuming uniforms shifts the Gaussian stream
  assert.notEqual(b.normal(), fixture.randn["1"][0]);
});

Deno.test("createNumpyLegacyRng() rejects seeds NumPy rejects", () => {
  assert.throws(() => createNumpyLegacyRng(-1), RangeError);
  assert.throws(() => createNumpyLegacyRng(2 ** 32), RangeError);
  assert.throws(() => createNumpyLegacyRng(1.5), /seed must be an integer/);
});

Deno.test("createNumpyLegacyRng() int and shuffle stay in range", () => {
  const rng = createNumpyLegacyRng(3);
  for (let i = 0; i < 100; i++) {
    const k = rng.int(7);
    assert.ok(Number.isInteger(k) && k >= 0 && k < 7);
  }
  assert.deepEqual(Array.from(rng.shuffle([1, 2, 3, 4, 5])).sort(), [1, 2, 3, 4, 5]);
});
