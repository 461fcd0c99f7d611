/** out = a ∗ b, the circular convolution (a ∗ b)[i] = Σⱼ a[j]·b[(i − j) mod d]; out must not alias a or b. */
export function circularConvolve(a: Float64Array, b: Float64Array, out: Float64Array): void {
  const d = out.length;
  out.fill(0);
  for (let j = 0; j < d; j++) {
    const aj = a[j]!;
    if (aj === 0) continue;
    for (let i = 0; i < d; i++) {
      const k = i - j;
      out[i]! += aj * b[k < 0 ? k + d : k]!;
    }
  }
}

/** out = c·(g ⋆ b), the circular correlation (g ⋆ b)[i] = Σⱼ g[j]·b[(j − i) mod d], the adjoint of b ↦ a ∗ b in a. */
export function circularCorrelate(g: Float64Array, b: Float64Array, c: number, out: Float64Array, off: number): void {
  const d = g.length;
  for (let i = 0; i < d; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) {
      const k = j - i;
      s += g[j]! * b[k < 0 ? k + d : k]!;
    }
    out[off + i] = c * s;
  }
}
