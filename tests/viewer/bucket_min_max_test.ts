import assert from "node:assert/strict";
import { bucketMinMax } from "../../src/viewer/bucket_min_max.ts";

function line(n: number, f: (i: number) => number) {
  const xs = Array.from({ length: n }, (_, i) => i + 1);
  return { xs, ys: xs.map(f) };
}

Deno.test("`bucketMinMax()` keeps every point when there are fewer than the columns", () => {
  const { xs, ys } = line(50, (i) => i * i);
  assert.deepEqual(bucketMinMax(xs, ys, (x) => x * 10, 1000), xs.map((_, i) => i));
});

Deno.test("`bucketMinMax()` bounds a million points to about 4 per pixel column, ascending", () => {
  const { xs, ys } = line(1_000_000, (i) => Math.sin(i / 1000) + Math.sin(i * 7.3));
  const width = 800;
  const keep = bucketMinMax(xs, ys, (x) => (x - 1) / 1_000_000 * width, width);
  assert.ok(keep.length <= 4 * width + 3, `${keep.length} points`);
  assert.ok(keep.length > 2 * width);
  for (let i = 1; i < keep.length; i++) assert.ok(keep[i]! > keep[i - 1]!);
});

Deno.test("`bucketMinMax()` keeps single-point peaks and dips, and each column's extremes", () => {
  const { xs, ys } = line(100_000, () => 0);
  ys[31_337] = 1e6;
  ys[77_777] = -1e6;
  const width = 100;
  const toPixel = (x: number) => (x - 1) / 100_000 * width;
  const keep = bucketMinMax(xs, ys, toPixel, width);
  assert.ok(keep.includes(31_337) && keep.includes(77_777));
  // the drawn line has the same max and min per column as the full line
  const cols = new Map<number, { lo: number; hi: number }>();
  ys.forEach((y, i) => {
    const c = Math.floor(toPixel(xs[i]!));
    const m = cols.get(c) ?? { lo: Infinity, hi: -Infinity };
    cols.set(c, { lo: Math.min(m.lo, y), hi: Math.max(m.hi, y) });
  });
  for (const [c, { lo, hi }] of cols) {
    const kept = keep.filter((i) => Math.floor(toPixel(xs[i]!)) === c).map((i) => ys[i]!);
    assert.equal(Math.min(...kept), lo);
    assert.equal(Math.max(...kept), hi);
  }
});

Deno.test("`bucketMinMax()` always keeps the latest point, even when it is out of view", () => {
  const { xs, ys } = line(10_000, (i) => i);
  const keep = bucketMinMax(xs, ys, (x) => x / 100, 50); // view covers x < 5000
  assert.equal(keep.at(-1), 9999);
  assert.ok(keep.includes(4999)); // the first point past the edge, so the line reaches it
});

Deno.test("`bucketMinMax()` re-buckets a zoomed view at full detail and keeps a neighbour outside on each side", () => {
  const { xs, ys } = line(100_000, (i) => Math.cos(i));
  const full = bucketMinMax(xs, ys, (x) => x / 100_000 * 500, 500);
  const zoom = (x: number) => (x - 50_000) / 400 * 500; // 400 points over 500 pixels
  const zoomed = bucketMinMax(xs, ys, zoom, 500);
  const inView = zoomed.filter((i) => zoom(xs[i]!) >= 0 && zoom(xs[i]!) < 500);
  assert.equal(inView.length, 400); // every point of the zoomed range
  assert.equal(zoomed[0], 49_998); // the last point before the view
  assert.ok(zoomed.includes(50_399)); // the first after
  assert.ok(full.filter((i) => i >= 49_999 && i < 50_399).length < 20);
});

Deno.test("`bucketMinMax()` skips non-finite values and points a log scale cannot place", () => {
  const xs = [0, 1, 2, 3, 4];
  const ys = [1, NaN, 3, Infinity, 5];
  const keep = bucketMinMax(xs, ys, (x) => Math.log10(x) * 10, 100); // log10(0) = -Infinity
  assert.deepEqual(keep, [2, 4]);
  assert.deepEqual(bucketMinMax([], [], (x) => x, 10), []);
});
