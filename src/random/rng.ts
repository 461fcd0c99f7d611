/**
 * A seeded pseudo-random generator: the same seed gives the same stream on
 * every machine, so generated data sets, initializations and SGD batches are
 * reproducible.
 *
 * The generator is SplitMix32-seeded xoshiro128** (Blackman & Vigna,
 * https://prng.di.unimi.it/xoshiro128starstar.c), which passes BigCrush and
 * has a period of 2^128 − 1.
 *
 * @module
 */

import { shuffleWith, uniformInt } from "./_draws.ts";

/** A seeded source of uniform and Gaussian numbers. */
export interface Rng {
  /** A uniform number in [0, 1) with 32 random bits. */
  uniform(): number;
  /** A standard normal number (Box–Muller, both outputs used). */
  normal(): number;
  /** A uniform integer in [0, n). */
  int(n: number): number;
  /** Shuffles `a` in place (Fisher–Yates) and returns it. */
  shuffle<T extends { length: number; [i: number]: unknown }>(a: T): T;
}

/**
 * Creates a seeded generator.
 *
 * @param seed Any finite number; its integer part (mod 2^32) selects the stream.
 * @returns A generator whose output depends only on `seed`.
 *
 * @example Usage
 * ```ts
 * import { createRng } from "./rng.ts";
 * import assert from "node:assert/strict";
 *
 * const a = createRng(7), b = createRng(7);
 * assert.equal(a.uniform(), b.uniform());
 * ```
 */
export function createRng(seed: number): Rng {
  if (!Number.isFinite(seed)) {
    throw new RangeError(`Cannot create a generator: seed must be finite but was ${seed}`);
  }
  // SplitMix32 expands the seed into the 128-bit state.
  let x = Math.trunc(seed) >>> 0;
  function splitmix(): number {
    x = (x + 0x9e3779b9) >>> 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  }
  let s0 = splitmix(), s1 = splitmix(), s2 = splitmix(), s3 = splitmix();
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1;

  function next(): number {
    const result = Math.imul(rotl(Math.imul(s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (s1 << 9) >>> 0;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3 >>> 0, 11);
    s0 >>>= 0;
    s1 >>>= 0;
    s2 >>>= 0;
    return result;
  }

  let spare = NaN;
  const rng: Rng = {
    uniform() {
      return next() / 4294967296;
    },
    normal() {
      if (!Number.isNaN(spare)) {
        const v = spare;
        spare = NaN;
        return v;
      }
      let u = 0;
      while (u === 0) u = rng.uniform();
      const r = Math.sqrt(-2 * Math.log(u));
      const theta = 2 * Math.PI * rng.uniform();
      spare = r * Math.sin(theta);
      return r * Math.cos(theta);
    },
    int(n: number) {
      return uniformInt(rng.uniform, n);
    },
    shuffle(a) {
      return shuffleWith(rng.int, a);
    },
  };
  return rng;
}

function rotl(v: number, k: number): number {
  return ((v << k) | (v >>> (32 - k))) >>> 0;
}
