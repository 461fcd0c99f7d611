/** An ℓp norm as a spec names it: `l1`, `l2`, `linf`, or the order p ≥ 1. */
export type NormName = "l1" | "l2" | "linf" | number;

/**
 * The order p of a norm named in a spec.
 *
 * @param norm `l1`, `l2`, `linf`, or a number ≥ 1.
 * @returns p (`Infinity` for `linf`).
 *
 * @example Usage
 * ```ts
 * import { normOrder } from "./norm_order.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(normOrder("linf"), Infinity);
 * assert.equal(normOrder(4 / 3), 4 / 3);
 * ```
 */
export function normOrder(norm: NormName): number {
  if (norm === "l1") return 1;
  if (norm === "l2") return 2;
  if (norm === "linf") return Infinity;
  if (!(norm >= 1)) throw new RangeError(`Cannot use an lp norm with p = ${norm}: p must be at least 1`);
  return norm;
}

/**
 * The dual order q of p, with 1/p + 1/q = 1 (1 ↔ ∞).
 *
 * @param p An order ≥ 1 or `Infinity`.
 * @returns q.
 *
 * @example Usage
 * ```ts
 * import { dualOrder } from "./norm_order.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(dualOrder(1), Infinity);
 * assert.equal(dualOrder(1.5), 3);
 * ```
 */
export function dualOrder(p: number): number {
  if (!(p >= 1)) throw new RangeError(`Cannot take the dual of an lp norm with p = ${p}: p must be at least 1`);
  if (p === 1) return Infinity;
  if (p === Infinity) return 1;
  if (p === 2) return 2;
  return p / (p - 1);
}
