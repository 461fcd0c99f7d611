import type { InitSpec } from "../spec/run_spec.ts";
import { SpecError } from "../spec/spec_error.ts";
import { createRng } from "../random/rng.ts";

/**
 * The initial flat parameter vector of a run.
 *
 * @param spec The init spec: zeros, scaled Gaussian, or explicit values.
 * @param size The number of parameters of the problem.
 * @returns A fresh vector of length `size`.
 * @throws {SpecError} when explicit values do not have `size` entries.
 *
 * @example Usage
 * ```ts
 * import { initParams } from "./init_params.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(Array.from(initParams({ kind: "values", values: [1, 2] }, 2)), [1, 2]);
 * ```
 */
export function initParams(spec: InitSpec, size: number): Float64Array {
  switch (spec.kind) {
    case "zeros":
      return new Float64Array(size);
    case "gaussian": {
      const rng = createRng(spec.seed);
      const w = new Float64Array(size);
      for (let j = 0; j < size; j++) w[j] = spec.scale * rng.normal();
      return w;
    }
    case "values":
      if (spec.values.length !== size) {
        throw new SpecError([{
          path: "init.values",
          message: `Expected ${size} values, one per parameter, but found ${spec.values.length}`,
          input: spec.values.length,
        }]);
      }
      return Float64Array.from(spec.values);
  }
}
