/**
 * Ticks for a symlog value axis (linear near 0 within ±`constant`, log
 * beyond): 0 when in the domain, and ±1, 2, 5 × 10ᵏ at the magnitudes the
 * domain reaches above `constant`, thinned to every other decade when there
 * are more than `max` — so a chart of a gap that changes sign (‖X‖∗ − ‖X̄‖∗)
 * gets labelled ticks on both sides of 0 instead of d3's linear ticks that
 * crowd at one end.
 *
 * This module is browser compatible.
 *
 * @param domain The axis' [min, max].
 * @param constant The scale's linear range around 0.
 * @param max The most ticks wanted (default 7).
 * @returns The tick values, ascending.
 *
 * @example Usage
 * ```ts
 * import { symlogTicks } from "./symlog_ticks.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(symlogTicks([-0.6, 0.15], 0.001), [-0.1, -0.01, -0.001, 0, 0.001, 0.01, 0.1]);
 * ```
 */
export function symlogTicks(domain: readonly [number, number], constant: number, max = 7): number[] {
  const [lo, hi] = domain[0] <= domain[1] ? domain : [domain[1], domain[0]];
  const c = constant > 0 && Number.isFinite(constant) ? constant : 1;
  const side = (limit: number): number[] => {
    if (!(limit > 0)) return [];
    const k0 = Math.ceil(Math.log10(c) - 1e-9), k1 = Math.floor(Math.log10(limit) + 1e-9);
    const out: number[] = [];
    for (let k = k0; k <= k1; k++) out.push(Number((10 ** k).toPrecision(12)));
    return out;
  };
  let neg = side(-lo), pos = side(hi);
  const zero = lo <= 0 && hi >= 0 ? [0] : [];
  for (let step = 2; neg.length + pos.length + zero.length > max && step < 64; step *= 2) {
    const thin = (xs: number[]) => xs.filter((_, i) => (xs.length - 1 - i) % step === 0);
    neg = thin(side(-lo));
    pos = thin(side(hi));
  }
  const ticks = [...neg.map((v) => -v).reverse(), ...zero, ...pos];
  // A domain inside ±constant has no decade in it: fall back to its ends and 0.
  return ticks.length >= 2 ? ticks : [...new Set([lo, ...zero, hi])].sort((a, b) => a - b);
}
