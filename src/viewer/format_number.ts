import { format } from "d3";

const plain = format(".4~g");
const si = format(".4~s");
const sci = format(".3~e"); // 3 decimals: 4 significant digits

/**
 * The viewer's one number format: 4 significant digits, plain between 10⁻³
 * and 10⁴, SI prefixes up to 10⁹ (12.35k, 1.5M), scientific outside
 * (2.113e-7, 1e9);
 * NaN and infinities as "–", "∞", "−∞". Used by the read-outs, the runs table
 * and the legends, so that one quantity never switches format.
 *
 * This module is browser compatible.
 *
 * @param v The number.
 * @returns Its text.
 *
 * @example Usage
 * ```ts
 * import { formatNumber } from "./format_number.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(formatNumber(2.1126e-7), "2.113e-7");
 * assert.equal(formatNumber(0.0000032547), "3.255e-6");
 * assert.equal(formatNumber(0.5), "0.5");
 * assert.equal(formatNumber(1234567), "1.235M");
 * assert.equal(formatNumber(1e9), "1e9");
 * ```
 */
export function formatNumber(v: number): string {
  if (Number.isNaN(v)) return "–";
  if (!Number.isFinite(v)) return v > 0 ? "∞" : "−∞";
  const a = Math.abs(v);
  if (a === 0) return "0";
  if (a < 1e-3) return sci(v);
  if (a < 1e4) return plain(v);
  if (a < 999.95e6) return si(v);
  return sci(v).replace("e+", "e");
}
