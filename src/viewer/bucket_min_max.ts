/**
 * Chooses which points of a long line to draw so that it looks the same at a
 * given width: per pixel column the first, lowest, highest and last point
 * (M4 aggregation, Jugel et al., VLDB 2014), so peaks and dips survive; plus
 * the nearest point outside the view on each side, so the line reaches the
 * edges; plus the latest point, always. At most 4 × width + 3 points come
 * back, whatever the line's length. Call it again after a zoom (a new
 * `toPixel`) to re-bucket at the new resolution.
 *
 * This module is browser compatible.
 *
 * @param xs The x values, ascending.
 * @param ys The y values (non-finite ones are skipped).
 * @param toPixel Maps an x value to its horizontal pixel (e.g. a d3 scale).
 * @param width The view's width in pixels; columns outside [0, width) are out of view.
 * @returns Indices of the points to draw, ascending.
 *
 * @example Usage
 * ```ts
 * import { bucketMinMax } from "./bucket_min_max.ts";
 * import assert from "node:assert/strict";
 *
 * const xs = Array.from({ length: 1000 }, (_, i) => i);
 * const ys = xs.map((x) => (x === 500 ? 100 : Math.sin(x)));
 * const keep = bucketMinMax(xs, ys, (x) => x / 100, 10); // 10 pixels wide
 * assert.ok(keep.length <= 43);
 * assert.ok(keep.includes(500)); // the peak survives
 * assert.equal(keep.at(-1), 999); // so does the latest point
 * ```
 */
export function bucketMinMax(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  toPixel: (x: number) => number,
  width: number,
): number[] {
  const n = Math.min(xs.length, ys.length);
  const keep: number[] = [];
  let col = NaN, first = -1, last = -1, lo = -1, hi = -1;
  let before = -1, after = -1, latest = -1;

  function flush(): void {
    if (first < 0) return;
    const four = [first, lo, hi, last].sort((a, b) => a - b);
    for (const i of four) if (keep.at(-1) !== i) keep.push(i);
  }

  for (let i = 0; i < n; i++) {
    const y = ys[i]!;
    const px = toPixel(xs[i]!);
    if (!Number.isFinite(y) || !Number.isFinite(px)) continue;
    latest = i;
    if (px < 0) {
      before = i;
      continue;
    }
    if (px >= width) {
      if (after < 0) after = i;
      continue;
    }
    const c = Math.floor(px);
    if (c !== col) {
      flush();
      col = c;
      first = lo = hi = i;
    }
    last = i;
    if (y < ys[lo]!) lo = i;
    if (y > ys[hi]!) hi = i;
  }
  flush();
  if (before >= 0) keep.unshift(before);
  if (after >= 0) keep.push(after);
  if (latest >= 0 && keep.at(-1)! < latest) keep.push(latest);
  else if (latest >= 0 && keep.length === 0) keep.push(latest);
  return keep;
}
