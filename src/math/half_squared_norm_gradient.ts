/**
 * The gradient of ½‖x‖²_p, written into `out`:
 * (∇½‖x‖²_p)ⱼ = sign(xⱼ)·|xⱼ|^{p−1}·‖x‖_p^{2−p}.
 *
 * It is the mirror map of the potential ψ = ½‖·‖²_p, whose inverse is the same
 * map with the dual order q = p/(p − 1); and ∇½‖g‖²_q = ‖g‖_q·argmax_{‖v‖_p ≤ 1}⟨g, v⟩
 * is the unnormalized steepest-descent direction w.r.t. ‖·‖_p (Boyd &
 * Vandenberghe, Convex Optimization, §9.4). At the orders where ½‖x‖²_p is
 * not differentiable it returns the subgradient a steepest step uses:
 * p = 1 gives ‖x‖₁·sign(x); p = ∞ gives xⱼ·eⱼ at the first j with the
 * largest |xⱼ|. p = 2 copies x exactly.
 *
 * General p is scaled by a = maxⱼ|xⱼ| so that nothing overflows or
 * underflows needlessly: a·(|xⱼ|/a)^{p−1}·(‖x‖_p/a)^{2−p}.
 *
 * @param x The vector.
 * @param p The order: ≥ 1 or `Infinity`.
 * @param out Where to write the gradient (same length as `x`; may be `x`).
 * @returns `out`.
 *
 * @example Usage
 * ```ts
 * import { halfSquaredNormGradient } from "./half_squared_norm_gradient.ts";
 * import assert from "node:assert/strict";
 *
 * const x = new Float64Array([3, -4]);
 * assert.deepEqual(Array.from(halfSquaredNormGradient(x, 1, new Float64Array(2))), [7, -7]);
 * assert.deepEqual(Array.from(halfSquaredNormGradient(x, Infinity, new Float64Array(2))), [0, -4]);
 * ```
 */
export function halfSquaredNormGradient(x: ArrayLike<number>, p: number, out: Float64Array): Float64Array {
  if (!(p >= 1)) {
    throw new RangeError(`Cannot take the gradient of a squared lp norm: p must be at least 1 but was ${p}`);
  }
  const n = x.length;
  if (out.length !== n) {
    throw new RangeError(`Cannot take the gradient of a squared lp norm: output has length ${out.length}, not ${n}`);
  }
  if (p === 2) {
    for (let j = 0; j < n; j++) out[j] = x[j]!;
    return out;
  }
  let amax = 0, jmax = -1, l1 = 0;
  for (let j = 0; j < n; j++) {
    const a = Math.abs(x[j]!);
    l1 += a;
    if (a > amax) {
      amax = a;
      jmax = j;
    }
  }
  if (p === 1) {
    for (let j = 0; j < n; j++) out[j] = l1 * Math.sign(x[j]!);
    return out;
  }
  if (p === Infinity) {
    const v = jmax < 0 ? 0 : x[jmax]!;
    out.fill(0);
    if (jmax >= 0) out[jmax] = v;
    return out;
  }
  if (amax === 0) {
    out.fill(0);
    return out;
  }
  let s = 0;
  for (let j = 0; j < n; j++) s += (Math.abs(x[j]!) / amax) ** p;
  const normRatio = s ** (1 / p); // ‖x‖_p / a ∈ [1, n^{1/p}]
  const c = amax * normRatio ** (2 - p);
  for (let j = 0; j < n; j++) {
    const v = x[j]!;
    out[j] = v === 0 ? 0 : Math.sign(v) * c * (Math.abs(v) / amax) ** (p - 1);
  }
  return out;
}
