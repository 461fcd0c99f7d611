import { identity, type OperatorFunction, pipe } from "rxjs";
import type { LeastSquares } from "./least_squares.ts";
import type { ReferenceResult } from "../../reference/reference.ts";
import type { Snapshot } from "../../engine/snapshot.ts";
import { relErrTo } from "../../operators/rel_err_to.ts";
import { testError } from "../../operators/test_error.ts";
import { testMse } from "../../operators/test_mse.ts";

/**
 * Metrics of a least-squares run: `rel_err_ref` against the predicted limit,
 * `test_mse` on a held-out set, and `test_error` (sign against ±1) when every
 * held-out target is ±1, as in Wilson et al.'s construction.
 */
export function leastSquaresMetrics(
  problem: LeastSquares,
  reference: ReferenceResult,
): OperatorFunction<Snapshot, Snapshot> {
  const test = problem.test;
  const signed = test !== null && test.y.every((v) => v === 1 || v === -1);
  return pipe(
    reference.predictor === null ? identity : relErrTo(reference.predictor),
    test === null ? identity : testMse(test),
    signed ? testError(test) : identity,
  );
}
