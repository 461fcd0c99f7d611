import { singularValues } from "./singular_values.ts";

/**
 * The nuclear norm ‖X‖_* = Σᵢ σᵢ(X) of a row-major rows×cols matrix.
 *
 * @param x The matrix, row-major.
 * @param rows The number of rows.
 * @returns The sum of its singular values.
 *
 * @example Usage
 * ```ts
 * import { nuclearNorm } from "./nuclear_norm.ts";
 * import assert from "node:assert/strict";
 *
 * assert.ok(Math.abs(nuclearNorm(new Float64Array([3, 0, 0, -4]), 2) - 7) < 1e-12);
 * ```
 */
export function nuclearNorm(x: ArrayLike<number>, rows: number): number {
  let s = 0;
  for (const v of singularValues(x, rows)) s += v;
  return s;
}
