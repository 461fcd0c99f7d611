import { lpNorm } from "../math/lp_norm.ts";
import type { NoReference } from "./reference.ts";

/** Largest n·d the exact max-margin solvers take (their programs are written out as text). */
export const MAX_MARGIN_MAX_ENTRIES = 2_000_000;

/** The answer of a max-margin solver for data that no w separates. */
export function notSeparable(kind: string, why: string): NoReference {
  return { kind, predictor: null, error: `The data are not linearly separable through the origin: ${why}` };
}

/**
 * Checks the input of a max-margin solver: throws on a malformed shape, and
 * returns the answer itself when the data are too large or have a zero row
 * (which no w can give a positive margin); null when the solver should run.
 */
export function maxMarginInput(z: Float64Array, d: number, kind: string): NoReference | null {
  if (!Number.isInteger(d) || d < 1 || z.length % d !== 0 || z.length === 0) {
    throw new RangeError(`Cannot solve for the max margin: ${z.length} entries do not form rows of length ${d}`);
  }
  const n = z.length / d;
  if (z.length > MAX_MARGIN_MAX_ENTRIES) {
    return {
      kind,
      predictor: null,
      error: `The data are too large for the exact max-margin solver (${n}×${d} > ${MAX_MARGIN_MAX_ENTRIES} entries)`,
    };
  }
  for (let i = 0; i < n; i++) {
    if (lpNorm(z.subarray(i * d, i * d + d), Infinity) === 0) {
      return notSeparable(kind, `example ${i} is the zero vector`);
    }
  }
  return null;
}
