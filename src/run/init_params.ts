import type { InitSpec } from "../spec/init_schema.ts";
import { SpecError } from "../spec/spec_error.ts";
import { createRng } from "../random/rng.ts";
import type { ProblemBase } from "../engine/problem_base.ts";

/**
 * The initial flat parameter vector of a run.
 *
 * @param spec The init spec: zeros, scaled Gaussian, explicit values, or identity factors.
 * @param size The number of parameters of the problem.
 * @param problem The problem, for the `identity` init of factorized problems.
 * @returns A fresh vector of length `size`.
 * @throws {SpecError} when explicit values do not have `size` entries, or the
 *   problem has no identity init.
 *
 * @example Usage
 * ```ts
 * import { initParams } from "./init_params.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(Array.from(initParams({ kind: "values", values: [1, 2] }, 2)), [1, 2]);
 * ```
 */
export function initParams(
  spec: InitSpec,
  size: number,
  problem?: Pick<ProblemBase, "kind" | "identityParams">,
): Float64Array {
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
    case "identity":
      if (!problem?.identityParams) {
        throw new SpecError([{
          path: "init.kind",
          message:
            `Expected a factorized problem (matrix-sensing, linear-net, linear-conv-net) for an identity init, ` +
            `not ${problem?.kind ?? "this problem"}`,
          input: spec.kind,
        }]);
      }
      return problem.identityParams(spec.scale);
  }
}
