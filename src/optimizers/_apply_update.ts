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
  let s = 0;
  for (let j = 0; j < d; j++) s += g[j]!;
  if (!Number.isFinite(s)) return false;
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
