import assert from "node:assert/strict";

/** Tolerances: passes when |a − e| ≤ atol + rtol·|e|. */
export interface Tolerance {
  /** Relative tolerance (default 1e-12). */
  rtol?: number;
  /** Absolute tolerance (default 0). */
  atol?: number;
}

/**
 * Asserts that a number is close to the expected one: |a − e| ≤ atol + rtol·|e|.
 * NaN matches only NaN; infinities only themselves.
 */
export function assertClose(actual: number, expected: number, tol: Tolerance = {}, what = "value"): void {
  const { rtol = 1e-12, atol = 0 } = tol;
  if (Number.isNaN(expected) || !Number.isFinite(expected)) {
    assert.ok(Object.is(actual, expected) || actual === expected, `${what}: expected ${expected} but got ${actual}`);
    return;
  }
  const err = Math.abs(actual - expected);
  assert.ok(
    err <= atol + rtol * Math.abs(expected),
    `${what}: expected ${expected} but got ${actual} (error ${err.toExponential(3)} > ${atol} + ${rtol}·|expected|)`,
  );
}

/** Asserts element-wise closeness of two arrays of equal length. */
export function assertAllClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  tol: Tolerance = {},
  what = "array",
): void {
  assert.equal(actual.length, expected.length, `${what}: lengths differ`);
  for (let i = 0; i < actual.length; i++) assertClose(actual[i]!, expected[i]!, tol, `${what}[${i}]`);
}
