import { lpNorm } from "./lp_norm.ts";

/**
 * How far apart two directions are: the distance ‖a/‖a‖ − b/‖b‖‖ between the
 * unit vectors, and the angle gap 1 − cos(a, b), which equals half its square.
 *
 * Computing 1 − cos as ½‖â − b̂‖² keeps full relative precision when the gap is
 * tiny (1e-12 and below), where 1 − ⟨â, b̂⟩ would lose every digit to
 * cancellation.
 *
 * @param a A vector.
 * @param b A vector of the same length.
 * @returns `{ distance, angleGap }`, both NaN when either vector is zero.
 *
 * @example Usage
 * ```ts
 * import { directionGap } from "./direction_gap.ts";
 * import assert from "node:assert/strict";
 *
 * const g = directionGap(new Float64Array([1, 0]), new Float64Array([0, 3]));
 * assert.ok(Math.abs(g.distance - Math.SQRT2) < 1e-15);
 * assert.ok(Math.abs(g.angleGap - 1) < 1e-15);
 * ```
 */
export function directionGap(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
): { distance: number; angleGap: number } {
  if (a.length !== b.length) {
    throw new RangeError(
      `Cannot compare directions: vectors have lengths ${a.length} and ${b.length}`,
    );
  }
  const na = lpNorm(a, 2), nb = lpNorm(b, 2);
  if (na === 0 || nb === 0) return { distance: NaN, angleGap: NaN };
  const diff = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) diff[i] = a[i]! / na - b[i]! / nb;
  const distance = lpNorm(diff, 2);
  return { distance, angleGap: 0.5 * distance * distance };
}
