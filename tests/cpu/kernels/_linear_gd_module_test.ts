import assert from "node:assert/strict";
import {
  fastExpMatchesHost,
  HEADER_BYTES,
  instantiateLinearGd,
  kernelAddresses,
} from "../../../src/cpu/kernels/_linear_gd_module.ts";
import { HELPER_ARGS } from "../../../src/cpu/kernels/_linear_gd_helper_words.ts";
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

Deno.test("kernelAddresses() reads the control words from the kernel's exported globals, each on its own line", async () => {
  const a = kernelAddresses();
  if (a === null) return; // no WebAssembly SIMD or threads here: the kernel is off
  assert.equal(a.headerBytes, HEADER_BYTES, "the host sizes memory with the kernel's header");
  assert.equal(a.stall, a.control[3]);
  const words = [...a.control, a.job, a.ack, a.ready, a.args];
  const lines = new Set(words.map((b) => Math.floor(b / 64)));
  assert.equal(lines.size, words.length, `words share a cache line: ${words}`);
  assert.ok(words.every((b) => b >= 2192 && b % 8 === 0), `words overlap the exp table or are misaligned: ${words}`);
  assert.ok(a.args + 8 * HELPER_ARGS <= HEADER_BYTES, "runB's arguments fit in the header");
  // The threads' code uses the globals, not copies of the numbers.
  const threads = await Deno.readTextFile(
    new URL("../../../src/cpu/kernels/linear_gd/40_threads.wat", import.meta.url),
  );
  for (const b of a.control) assert.ok(!threads.includes(`(i32.const ${b})`), `40_threads.wat still writes ${b}`);
});
