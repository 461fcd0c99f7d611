import assert from "node:assert/strict";
import { EXP_CONSTANTS, expTable } from "../../../src/cpu/kernels/_exp_table.ts";
import { assertClose } from "../../_assert_close.ts";

Deno.test("expTable() holds 2^(j/128) as double-doubles", () => {
  const t = expTable();
  assert.equal(t.length, 258 + EXP_CONSTANTS.length);
  assert.deepEqual(Array.from(t.subarray(258, 260)), [707, 128 / Math.LN2]);
  assert.equal(t[0], 1);
  assert.equal(t[1], 0);
  assert.equal(t[64 * 2], Math.SQRT2); // √2 is correctly rounded
  assert.equal(t[64 * 2 + 1], -9.667293313452913e-17); // √2 − fl(√2)
  for (let j = 0; j < 128; j++) {
    const hi = t[2 * j]!, lo = t[2 * j + 1]!;
    assertClose(hi, 2 ** (j / 128), { rtol: 2.3e-16 }, `2^(${j}/128)`);
    assert.ok(Math.abs(lo) <= Math.abs(hi) * 2 ** -53, `lo of entry ${j} is below half an ulp of hi`);
    assert.equal(hi + lo, hi, `entry ${j} is normalized`);
  }
});

Deno.test("expTable() splits ln2/128 with a short high part", () => {
  const t = expTable();
  const hi = t[256]!, lo = t[257]!;
  assert.equal(hi + lo, Math.LN2 / 128);
  // 35 significant bits: hi · 2^(35 − 1 − exponent) is an integer.
  const scaled = hi * 2 ** (34 - Math.floor(Math.log2(hi)));
  assert.equal(scaled, Math.round(scaled));
  assert.ok(Math.abs(lo) < hi * 2 ** -34);
});
