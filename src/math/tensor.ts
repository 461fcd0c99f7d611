/**
 * A dense, row-major float64 array with a shape: the unit in which snapshots
 * carry parameters and predictors.
 */
export interface Tensor {
  /** Extent of each axis; `[]` is a scalar, `[d]` a vector, `[k, d]` a matrix. */
  readonly shape: readonly number[];
  /** The entries in row-major order; `data.length` is the product of `shape`. */
  readonly data: Float64Array;
}

/**
 * Makes a tensor that owns a copy of `data`.
 *
 * @param shape Extent of each axis.
 * @param data Entries in row-major order (copied).
 * @returns A tensor whose data no one else references.
 *
 * @example Usage
 * ```ts
 * import { tensor } from "./tensor.ts";
 * import assert from "node:assert/strict";
 *
 * const t = tensor([2], [3, 4]);
 * assert.deepEqual(Array.from(t.data), [3, 4]);
 * ```
 */
export function tensor(shape: readonly number[], data: ArrayLike<number>): Tensor {
  const size = shape.reduce((a, b) => a * b, 1);
  if (size !== data.length) {
    throw new RangeError(
      `Cannot make a tensor of shape [${shape.join(", ")}]: it needs ${size} entries but ${data.length} were given`,
    );
  }
  return { shape: [...shape], data: Float64Array.from(data) };
}
