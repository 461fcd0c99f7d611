/**
 * The effective rank of a matrix from its singular values (Roy & Vetterli,
 * 2007): exp(H(p)) with pᵢ = σᵢ/Σⱼσⱼ and H the Shannon entropy (0·log 0 = 0).
 * It equals k for k equal nonzero singular values and varies continuously in
 * between; Wu & Rebeschini (2021) report it for matrix sensing.
 *
 * @param sv The singular values (nonnegative, any order).
 * @returns The effective rank in [1, sv.length], or NaN when all are 0.
 *
 * @example Usage
 * ```ts
 * import { effectiveRank } from "./effective_rank.ts";
 * import assert from "node:assert/strict";
 *
 * assert.ok(Math.abs(effectiveRank([2, 2, 0]) - 2) < 1e-12);
 * ```
 */
export function effectiveRank(sv: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < sv.length; i++) {
    const s = sv[i]!;
    if (!(s >= 0)) return NaN;
    total += s;
  }
  if (!(total > 0) || !Number.isFinite(total)) return NaN;
  let h = 0;
  for (let i = 0; i < sv.length; i++) {
    const p = sv[i]! / total;
    if (p > 0) h -= p * Math.log(p);
  }
  return Math.exp(h);
}
