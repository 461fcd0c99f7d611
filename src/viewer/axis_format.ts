import { format, type NumberValue } from "d3";

const SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹";

/**
 * Tick labels for an axis: on a log axis, powers of ten as 10ⁿ (1, 10, 100
 * written out) and no label for the ticks in between; on other axes, up to
 * four significant digits.
 *
 * This module is browser compatible.
 *
 * @param scale The axis' scale: its own tick format (precision from the tick step) on linear axes.
 * @param log Whether the axis is logarithmic.
 * @returns A tick formatter.
 *
 * @example Usage
 * ```ts
 * import { axisFormat } from "./axis_format.ts";
 * import { scaleLog } from "d3";
 * import assert from "node:assert/strict";
 *
 * const f = axisFormat(scaleLog(), true);
 * assert.deepEqual([1e6, 1e-3, 100, 3e6].map((v) => f(v, 0)), ["10⁶", "10⁻³", "100", ""]);
 * ```
 */
export function axisFormat(
  scale: { tickFormat?: (count: number) => (v: NumberValue) => string },
  log: boolean,
): (v: NumberValue, i: number) => string {
  if (!log) {
    const plain = scale.tickFormat ? scale.tickFormat(5) : format(".4~g");
    return (v) => plain(+v);
  }
  return (v) => {
    const n = +v;
    if (!(n > 0)) return "";
    const k = Math.round(Math.log10(n));
    if (Math.abs(n / 10 ** k - 1) > 1e-9) return "";
    if (k >= 0 && k <= 2) return String(10 ** k);
    return `10${String(k).replace("-", "⁻").replace(/\d/g, (d) => SUPERSCRIPT[Number(d)]!)}`;
  };
}
