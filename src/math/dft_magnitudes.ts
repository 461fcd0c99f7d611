import { unitaryDft } from "./unitary_dft.ts";

/**
 * The moduli |x̂ₖ| of the unitary DFT of a real vector (see {@link unitaryDft}).
 *
 * @param x The real vector of length d.
 * @returns |x̂ₖ| for k = 0 … d − 1 (symmetric: |x̂_{d−k}| = |x̂ₖ|).
 *
 * @example Usage
 * ```ts
 * import { dftMagnitudes } from "./dft_magnitudes.ts";
 * import assert from "node:assert/strict";
 *
 * // cos(2π·j/4) = [1, 0, −1, 0] lives on frequencies 1 and 3
 * const a = dftMagnitudes([1, 0, -1, 0]);
 * assert.ok(Math.abs(a[1]! - 1) < 1e-15 && Math.abs(a[3]! - 1) < 1e-15 && Math.abs(a[0]!) < 1e-15);
 * ```
 */
export function dftMagnitudes(x: ArrayLike<number>): Float64Array {
  const { re, im } = unitaryDft(x);
  return re.map((r, k) => Math.hypot(r, im[k]!));
}
