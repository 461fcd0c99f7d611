import assert from "node:assert/strict";
import { scaleLinear, scaleLog } from "d3";
import { axisFormat } from "../../src/viewer/axis_format.ts";

function labels(domain: [number, number], count = 6): string[] {
  const scale = scaleLog().domain(domain);
  const f = axisFormat(scale, true);
  return scale.ticks(count).map((v, i) => f(v, i)).filter((s) => s !== "");
}

Deno.test("`axisFormat()` labels only the powers of ten of a log axis over several decades", () => {
  assert.deepEqual(labels([1, 3e6]), ["1", "10", "100", "10³", "10⁴", "10⁵", "10⁶"]);
  assert.deepEqual(labels([1e-9, 1]), ["10⁻⁸", "10⁻⁶", "10⁻⁴", "10⁻²", "1"]);
  assert.deepEqual(labels([3, 700]), ["10", "100"]);
});

Deno.test("`axisFormat()` keeps several labels on a log axis zoomed within a decade or two", () => {
  // A step range dragged on a chart: one power of ten in view.
  assert.deepEqual(labels([1732, 34_000]), ["2000", "5000", "10⁴", "2·10⁴"]);
  assert.deepEqual(labels([2e5, 9e5]), ["2·10⁵", "5·10⁵"]);
  // Within a factor of 3, every tick.
  assert.deepEqual(labels([2000, 5000]), ["2000", "3000", "4000", "5000"]);
  assert.deepEqual(labels([0.9976, 0.99993]), ["0.998", "0.9985", "0.999", "0.9995"]);
  assert.deepEqual(labels([41_000, 73_000]), ["5·10⁴", "6·10⁴", "7·10⁴"]);
});

Deno.test("`axisFormat()` uses a linear scale's own format", () => {
  const scale = scaleLinear().domain([0, 3e6]);
  const f = axisFormat(scale, false);
  assert.deepEqual(scale.ticks(5).map((v, i) => f(v, i)), [
    "0",
    "500,000",
    "1,000,000",
    "1,500,000",
    "2,000,000",
    "2,500,000",
    "3,000,000",
  ]);
});
