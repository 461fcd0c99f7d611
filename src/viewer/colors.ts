import { interpolateViridis, scaleLog, scaleSequential } from "d3";

/**
 * Okabe & Ito's palette (2008), distinguishable with every common color
 * vision deficiency; the order avoids yellow first (low contrast on white).
 */
export const OKABE_ITO: readonly string[] = [
  "#0072B2",
  "#D55E00",
  "#009E73",
  "#CC79A7",
  "#E69F00",
  "#56B4E9",
  "#000000",
  "#F0E442",
];

/**
 * Colors for overlaid runs: the Okabe–Ito palette in order, or, when every
 * run has a numeric swept value, a viridis ramp over the values (on a log
 * scale when they are all positive and span more than a factor of 10), so
 * color reads as the swept parameter.
 *
 * This module is browser compatible.
 *
 * @param values Per run, its swept value (undefined when not from a sweep).
 * @returns One CSS color per run.
 *
 * @example Usage
 * ```ts
 * import { runColors, OKABE_ITO } from "./colors.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(runColors([undefined, undefined]), OKABE_ITO.slice(0, 2));
 * assert.equal(runColors([0.01, 0.1, 1]).length, 3);
 * ```
 */
export function runColors(values: readonly unknown[]): string[] {
  const numeric = values.every((v) => typeof v === "number" && Number.isFinite(v)) && values.length > 1;
  if (!numeric) return values.map((_, i) => OKABE_ITO[i % OKABE_ITO.length]!);
  const nums = values as number[];
  const lo = Math.min(...nums), hi = Math.max(...nums);
  if (lo === hi) return nums.map(() => interpolateViridis(0.4));
  // viridis' last tenth is too light on white; stop at 0.85
  const t = lo > 0 && hi / lo > 10
    ? scaleLog().domain([lo, hi]).range([0, 0.85])
    : (v: number) => ((v - lo) / (hi - lo)) * 0.85;
  const ramp = scaleSequential(interpolateViridis);
  return nums.map((v) => ramp(t(v)));
}
