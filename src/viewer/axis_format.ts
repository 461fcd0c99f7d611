import { format, type NumberValue } from "d3";

const SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹";

/** The parts of a d3 scale that {@link axisFormat} reads. */
export interface FormattedScale {
  /** The scale's own tick format (linear and symlog scales). */
  tickFormat?: (count: number) => (v: NumberValue) => string;
  /** The scale's domain, which decides which log ticks get a label. */
  domain?: () => NumberValue[];
}

/**
 * Tick labels for an axis: on a log axis spanning two powers of ten or more,
 * powers of ten as 10ⁿ (1, 10, 100 written out) and no label for the ticks in
 * between; on a log axis zoomed in closer than that, also the ticks at 2 and
 * 5 × 10ⁿ (or every tick within a factor of 3), so that it keeps several
 * labels; on other axes, the scale's own format.
 *
 * This module is browser compatible.
 *
 * @param scale The axis' scale: its domain on log axes, its own tick format on the others.
 * @param log Whether the axis is logarithmic.
 * @returns A tick formatter.
 *
 * @example Usage
 * ```ts
 * import { axisFormat } from "./axis_format.ts";
 * import { scaleLog } from "d3";
 * import assert from "node:assert/strict";
 *
 * const f = axisFormat(scaleLog().domain([1, 1e6]), true);
 * assert.deepEqual([1e6, 1e-3, 100, 3e6].map((v) => f(v, 0)), ["10⁶", "10⁻³", "100", ""]);
 * const zoomed = axisFormat(scaleLog().domain([1732, 34000]), true);
 * assert.deepEqual([2000, 3000, 5000, 1e4, 2e4].map((v) => zoomed(v, 0)), ["2000", "", "5000", "10⁴", "2·10⁴"]);
 * ```
 */
export function axisFormat(scale: FormattedScale, log: boolean): (v: NumberValue, i: number) => string {
  if (!log) {
    const plain = scale.tickFormat ? scale.tickFormat(5) : format(".4~g");
    return (v) => plain(+v);
  }
  const [d0, d1] = (scale.domain?.() ?? [1, 1e10]).map(Number).sort((a, b) => a - b) as [number, number];
  const lo = Math.ceil(Math.log10(d0) - 1e-9), hi = Math.floor(Math.log10(d1) + 1e-9);
  // Which mantissas between powers of ten get a label: none when two or more powers are in view.
  const between = hi - lo >= 1 ? null : d1 / d0 > 3 ? [2, 5] : "all";
  return (v) => {
    const n = +v;
    if (!(n > 0)) return "";
    const k = Math.floor(Math.log10(n) + 1e-9);
    const mantissa = Number((n / 10 ** k).toPrecision(6));
    if (mantissa === 1) return k >= 0 && k <= 2 ? String(10 ** k) : `10${power(k)}`;
    if (between === null || (between !== "all" && !between.includes(mantissa))) return "";
    if (n >= 1e-2 && n < 1e4) return format(".4~g")(n);
    return `${format(".3~g")(mantissa)}·10${power(k)}`;
  };
}

function power(k: number): string {
  return String(k).replace("-", "⁻").replace(/\d/g, (d) => SUPERSCRIPT[Number(d)]!);
}
