/** n labelled examples in d dimensions: `x` row-major n×d, `y` the labels (±1). */
export interface LabeledData {
  /** Number of examples. */
  readonly n: number;
  /** Number of features. */
  readonly d: number;
  /** Features, row-major n×d. */
  readonly x: Float64Array;
  /** Labels, each −1 or +1. */
  readonly y: Float64Array;
}

/**
 * Builds {@link LabeledData} from nested arrays, checking shape and labels.
 *
 * @param x n rows of d features.
 * @param y n labels, each ±1.
 * @returns The data in flat typed arrays.
 *
 * @example Usage
 * ```ts
 * import { labeledData } from "./labeled_data.ts";
 * import assert from "node:assert/strict";
 *
 * const data = labeledData([[0.5, 1.5], [-0.5, -1.5]], [1, -1]);
 * assert.equal(data.n, 2);
 * assert.equal(data.d, 2);
 * ```
 */
export function labeledData(x: readonly (readonly number[])[], y: readonly number[]): LabeledData {
  const n = x.length, d = x[0]?.length ?? 0;
  if (n === 0 || d === 0) {
    throw new RangeError(`Cannot build a data set from ${n} points of ${d} features`);
  }
  if (y.length !== n) {
    throw new RangeError(`Cannot build a data set: ${n} points but ${y.length} labels`);
  }
  const flat = new Float64Array(n * d);
  x.forEach((row, i) => {
    if (row.length !== d) {
      throw new RangeError(`Cannot build a data set: point ${i} has ${row.length} features but point 0 has ${d}`);
    }
    flat.set(row, i * d);
  });
  y.forEach((label, i) => {
    if (label !== 1 && label !== -1) {
      throw new RangeError(`Cannot build a data set: label ${i} must be -1 or 1 but was ${label}`);
    }
  });
  return { n, d, x: flat, y: Float64Array.from(y) };
}
