/** Whether every entry of `v` is finite (one pass: the sum of a NaN or ±∞ is not finite). */
export function allFinite(v: Float64Array): boolean {
  let s = 0;
  for (let j = 0; j < v.length; j++) s += v[j]!;
  if (Number.isFinite(s)) return true;
  // A finite vector can still overflow its sum; check entry by entry.
  for (let j = 0; j < v.length; j++) if (!Number.isFinite(v[j]!)) return false;
  return true;
}
