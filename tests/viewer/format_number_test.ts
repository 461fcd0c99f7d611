import assert from "node:assert/strict";
import { formatNumber } from "../../src/viewer/format_number.ts";

Deno.test("formatNumber() keeps 4 significant digits in one style per magnitude", () => {
  const cases: [number, string][] = [
    [0, "0"],
    [1, "1"],
    [0.001, "0.001"],
    [0.00099999, "1e-3"],
    [2.1126e-7, "2.113e-7"],
    [-3.25e-9, "−3.25e-9"], // d3-format writes a true minus sign,
    [1.41421356, "1.414"],
    [9999, "9999"],
    [12345, "12.35k"],
    [1_000_000, "1M"],
    [1e9, "1e9"],
    [6.02e23, "6.02e23"],
    [NaN, "–"],
    [Infinity, "∞"],
    [-Infinity, "−∞"],
  ];
  for (const [v, s] of cases) assert.equal(formatNumber(v), s, String(v));
});
