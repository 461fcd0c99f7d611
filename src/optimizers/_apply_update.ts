/**
 * Applies w ← w − lr·g, or PyTorch's momentum form b ← μb + g, w ← w − lr·b
 * (Nesterov: w ← w − lr·(g + μb)), after checking that g is finite.
 *
 * @returns false (nothing changed) when g has a NaN or infinite entry.
 */
export function applyUpdate(
  w: Float64Array,
  g: Float64Array,
  buf: Float64Array | null,
  lr: number,
  momentum: number,
  nesterov: boolean,
): boolean {
  const d = w.length;
  // Finite iff the sum is (NaN and ±∞ propagate); four partial sums run without waiting on each other's adds.
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0, j = 0;
  for (; j + 3 < d; j += 4) {
    s0 += g[j]!;
    s1 += g[j + 1]!;
    s2 += g[j + 2]!;
    s3 += g[j + 3]!;
  }
  for (; j < d; j++) s0 += g[j]!;
  if (!Number.isFinite(s0 + s1 + s2 + s3)) return false;
  if (buf === null || momentum === 0) {
    for (let j = 0; j < d; j++) w[j]! -= lr * g[j]!;
  } else if (nesterov) {
    for (let j = 0; j < d; j++) {
      const b = momentum * buf[j]! + g[j]!;
      buf[j] = b;
      w[j]! -= lr * (g[j]! + momentum * b);
    }
  } else {
    for (let j = 0; j < d; j++) {
      const b = momentum * buf[j]! + g[j]!;
      buf[j] = b;
      w[j]! -= lr * b;
    }
  }
  return true;
}
