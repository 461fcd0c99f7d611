import type { Rng } from "./rng.ts";
import { shuffleWith, uniformInt } from "./_draws.ts";

const N = 624;
const M = 397;

/**
 * A generator that reproduces NumPy's legacy global stream bit for bit:
 * `np.random.seed(seed)` followed by `np.random.random_sample()` (`uniform`)
 * and `np.random.randn()` (`normal`), in any interleaving. It lets a biasflow
 * spec rebuild the exact random instance of a paper's NumPy script (e.g. Wu &
 * Rebeschini's matrix sensing data at `np.random.seed(1)`).
 *
 * The stream is MT19937 seeded by `init_genrand` (Matsumoto & Nishimura,
 * https://www.math.sci.hiroshima-u.ac.jp/m-mat/MT/MT2002/CODES/mt19937ar.c),
 * doubles with 53 random bits from two draws (`genrand_res53`), and Gaussians
 * by Marsaglia's polar method with NumPy's caching of the second value
 * (`legacy_gauss` in numpy/random/src/legacy/legacy-distributions.c).
 * `int` and `shuffle` are built on `uniform` and do not match NumPy's
 * `randint` or `shuffle`.
 *
 * @param seed An integer in [0, 2³² − 1], as `np.random.seed` accepts.
 * @returns The generator.
 *
 * @example Usage
 * ```ts
 * import { createNumpyLegacyRng } from "./numpy_legacy_rng.ts";
 * import assert from "node:assert/strict";
 *
 * // np.random.seed(1); np.random.randn() == 1.6243453636632417
 * assert.equal(createNumpyLegacyRng(1).normal(), 1.6243453636632417);
 * ```
 */
export function createNumpyLegacyRng(seed: number): Rng {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new RangeError(
      `Cannot seed the NumPy legacy generator: seed must be an integer in [0, 2^32 - 1] but was ${seed}`,
    );
  }
  const mt = new Uint32Array(N);
  mt[0] = seed >>> 0;
  for (let i = 1; i < N; i++) {
    const prev = mt[i - 1]!;
    mt[i] = (Math.imul(1812433253, (prev ^ (prev >>> 30)) >>> 0) + i) >>> 0;
  }
  let pos = N;

  function twist(): void {
    for (let i = 0; i < N; i++) {
      const y = (mt[i]! & 0x80000000) | (mt[(i + 1) % N]! & 0x7fffffff);
      mt[i] = (mt[(i + M) % N]! ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0)) >>> 0;
    }
    pos = 0;
  }

  function next32(): number {
    if (pos >= N) twist();
    let y = mt[pos++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  let cached = false;
  let gauss = 0;
  const rng: Rng = {
    uniform() {
      const a = next32() >>> 5, b = next32() >>> 6;
      return (a * 67108864 + b) / 9007199254740992;
    },
    normal() {
      if (cached) {
        cached = false;
        return gauss;
      }
      let x1: number, x2: number, r2: number;
      do {
        x1 = 2 * rng.uniform() - 1;
        x2 = 2 * rng.uniform() - 1;
        r2 = x1 * x1 + x2 * x2;
      } while (r2 >= 1 || r2 === 0);
      const f = Math.sqrt((-2 * Math.log(r2)) / r2);
      gauss = f * x1;
      cached = true;
      return f * x2;
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
