/** A complex vector as separate real and imaginary parts. */
export interface ComplexVector {
  /** Real parts. */
  readonly re: Float64Array;
  /** Imaginary parts. */
  readonly im: Float64Array;
}

/**
 * The unitary discrete Fourier transform x̂ₖ = d^{-1/2}·Σⱼ xⱼ·e^{−2πi·jk/d} of
 * a real vector, so that ‖x̂‖₂ = ‖x‖₂ and ⟨x, y⟩ = Re⟨x̂, ŷ⟩ (Parseval). It is
 * the transform of Gunasekar et al. (2018), in which a linear convolutional
 * net's predictor is the product of its layers' transforms. Direct O(d²)
 * sums with exact angles (jk mod d), for the small d of these experiments.
 *
 * @param x The real vector of length d.
 * @returns x̂ (length d; x̂_{d−k} is the conjugate of x̂ₖ).
 *
 * @example Usage
 * ```ts
 * import { unitaryDft } from "./unitary_dft.ts";
 * import assert from "node:assert/strict";
 *
 * const { re, im } = unitaryDft([1, 1, 1, 1]);
 * assert.equal(re[0], 2); // 4/√4
 * assert.ok(Math.abs(re[1]!) < 1e-15 && Math.abs(im[1]!) < 1e-15);
 * ```
 */
export function unitaryDft(x: ArrayLike<number>): ComplexVector {
  const d = x.length;
  const re = new Float64Array(d), im = new Float64Array(d);
  if (d === 0) return { re, im };
  const cos = new Float64Array(d), sin = new Float64Array(d);
  for (let t = 0; t < d; t++) {
    cos[t] = Math.cos((2 * Math.PI * t) / d);
    sin[t] = Math.sin((2 * Math.PI * t) / d);
  }
  const scale = 1 / Math.sqrt(d);
  for (let k = 0; k < d; k++) {
    let sr = 0, si = 0;
    for (let j = 0; j < d; j++) {
      const t = (j * k) % d;
      sr += x[j]! * cos[t]!;
      si -= x[j]! * sin[t]!;
    }
    re[k] = sr * scale;
    im[k] = si * scale;
  }
  return { re, im };
}
