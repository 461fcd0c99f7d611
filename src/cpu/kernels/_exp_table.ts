/**
 * The table and constants that linear_gd.wat reads from memory bytes
 * [0, 2160). The table and ln2 are computed exactly with BigInt fixed point at
 * 200 fractional bits rather than copied from elsewhere:
 *
 * - entries 2j, 2j+1 (j = 0 … 127): 2^(j/128) as a double-double (hi, lo);
 * - entries 256, 257: ln2/128 split as hi + lo, hi with 35 significant bits
 *   so that K·hi is exact for every |K| < 2^18;
 * - entries 258 …: see {@link EXP_CONSTANTS}.
 */

const P = 200n;
const ONE = 1n << P;

/** ⌊√n⌋ by Newton's method. */
function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << (BigInt(n.toString(2).length) / 2n + 1n);
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/** ln 2 = Σₖ 1/(k·2ᵏ), in fixed point (error < 2^-190). */
function ln2Fixed(): bigint {
  let sum = 0n;
  for (let k = 1n; k <= P + 16n; k++) sum += ONE / (k << k);
  return sum;
}

/** Rounds v·2^-P to the nearest float with `bits` significant bits (ties to even); returns it and its fixed-point value. */
function roundFixed(v: bigint, bits: number): { value: number; fixed: bigint } {
  if (v === 0n) return { value: 0, fixed: 0n };
  const neg = v < 0n;
  const a = neg ? -v : v;
  const shift = BigInt(Math.max(0, a.toString(2).length - bits));
  let q = a >> shift;
  if (shift > 0n) {
    const rem = a - (q << shift), half = 1n << (shift - 1n);
    if (rem > half || (rem === half && (q & 1n) === 1n)) q++;
  }
  const value = Number(q) * 2 ** Number(shift - P);
  return { value: neg ? -value : value, fixed: neg ? -(q << shift) : q << shift };
}

/** The scalar constants after ln2/128, in memory order (entries 258 … 269). */
export const EXP_CONSTANTS: readonly number[] = [
  707, // |x| above which the host's exp is called
  128 / Math.LN2, // picks K; any nearby value works
  1 / 2,
  1 / 6,
  1 / 24,
  1 / 120,
  1 / 720,
  2 ** 27 + 1, // Veltkamp's splitter
  2 ** -64, // Ziv's error bound
  1023 * 2 ** -1074, // the int64 exponent bias, as bits (the subnormal whose bit pattern is 1023)
  -1,
  1,
];

/**
 * What linear_gd.wat expects at memory bytes [0, 2160): 2^(j/128) for
 * j = 0 … 127 as (hi, lo) pairs, ln2/128 as (hi, lo), then
 * {@link EXP_CONSTANTS}.
 *
 * @returns 270 float64 values.
 */
export function expTable(): Float64Array {
  const out = new Float64Array(258 + EXP_CONSTANTS.length);
  out.set(EXP_CONSTANTS, 258);
  const roots: bigint[] = [2n * ONE]; // roots[i] = 2^(1/2^i)
  for (let i = 1; i <= 7; i++) roots.push(isqrt(roots[i - 1]! << P));
  for (let j = 0; j < 128; j++) {
    let v = ONE;
    for (let b = 0; b < 7; b++) if ((j >> b) & 1) v = (v * roots[7 - b]!) >> P;
    const hi = roundFixed(v, 53);
    out[2 * j] = hi.value;
    out[2 * j + 1] = roundFixed(v - hi.fixed, 53).value;
  }
  const ln2 = ln2Fixed();
  const hi = roundFixed(ln2, 35);
  out[256] = hi.value / 128;
  out[257] = roundFixed(ln2 - hi.fixed, 53).value / 128;
  return out;
}
