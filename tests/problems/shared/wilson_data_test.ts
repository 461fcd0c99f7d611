import assert from "node:assert/strict";
import { wilsonData } from "../../../src/problems/shared/wilson_data.ts";

Deno.test("wilsonData() follows Wilson et al.'s construction", () => {
  const data = wilsonData({ n: 40, p: 0.75, seed: 3 });
  assert.equal(data.d, 3 + 5 * 40);
  for (let i = 0; i < data.n; i++) {
    const row = data.x.subarray(i * data.d, (i + 1) * data.d);
    const y = data.y[i]!;
    assert.ok(y === 1 || y === -1);
    assert.deepEqual(Array.from(row.subarray(0, 3)), [y, 1, 1]);
    const unique = [...row.keys()].filter((j) => j >= 3 && row[j] !== 0);
    assert.deepEqual(unique, Array.from({ length: y === 1 ? 1 : 5 }, (_, u) => 3 + 5 * i + u), `example ${i}`);
  }
});

Deno.test("wilsonData() is reproducible and draws +1 with probability p", () => {
  assert.deepEqual(wilsonData({ n: 20, p: 0.7, seed: 1 }), wilsonData({ n: 20, p: 0.7, seed: 1 }));
  const big = wilsonData({ n: 4000, p: 0.7, seed: 9 });
  const share = big.y.filter((v) => v === 1).length / 4000;
  assert.ok(Math.abs(share - 0.7) < 0.03, `share of +1 ${share}`); // 4σ ≈ 0.029
  assert.throws(() => wilsonData({ n: 5, p: 0.5, seed: 0 }), RangeError, "p must be in (0.5, 1) but was 0.5");
});
