import assert from "node:assert/strict";
import { fastExpMatchesHost, instantiateLinearGd } from "../../../src/cpu/kernels/_linear_gd_module.ts";
import { createRng } from "../../../src/random/rng.ts";

Deno.test("fastExpMatchesHost() holds on V8, whose Math.exp is correctly rounded", () => {
  assert.equal(fastExpMatchesHost(), true);
});

Deno.test("instantiateLinearGd() exp equals Math.exp bit for bit", () => {
  const k = instantiateLinearGd();
  assert.ok(k);
  const rng = createRng(2024);
  const xs: number[] = [
    0,
    -0,
    1,
    -1,
    Math.LN2,
    707,
    -707,
    707.0000000000001,
    -707.0000000000001,
    709.78,
    709.8,
    -745.1,
    -745.2,
    -708.4,
    1e-300,
    -5e-324,
    Infinity,
    -Infinity,
    NaN,
  ];
  // Midpoints between reduction steps K ln2/128, where K's rounding flips.
  for (let K = -1000; K <= 1000; K += 7) xs.push(((K + 0.5) * Math.LN2) / 128);
  for (const scale of [1e-12, 1e-4, 0.01, 0.3, 1, 5, 40, 300, 706]) {
    for (let i = 0; i < 20_000; i++) xs.push((rng.uniform() * 2 - 1) * scale);
  }
  let wrong = 0;
  for (const x of xs) {
    const got = k.exp(x, 1), want = Math.exp(x);
    if (!Object.is(got, want)) assert.fail(`exp(${x}) = ${got} but Math.exp gives ${want} (${++wrong} so far)`);
  }
});

Deno.test("instantiateLinearGd() exp without the fast path is Math.exp", () => {
  const k = instantiateLinearGd()!;
  for (const x of [-3, 0.25, 12]) assert.equal(k.exp(x, 0), Math.exp(x));
});
