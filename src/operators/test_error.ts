import type { OperatorFunction } from "rxjs";
import { argmaxError } from "../math/argmax_error.ts";
import { signError } from "../math/sign_error.ts";
import type { LabeledData } from "../problems/shared/labeled_data.ts";
import type { Snapshot } from "../engine/snapshot.ts";
import { metric } from "./metric.ts";

/**
 * Adds `test_error`, the 0–1 error of the predictor on a held-out set: of
 * sign⟨β, x⟩ against ±1 labels, or, with `classes`, of argmax_c ⟨w_c, x⟩
 * against class labels (the predictor being W, k×d). A score of 0, or a tie
 * for the top class, counts as an error.
 *
 * @param test The held-out examples.
 * @param options `classes` for a k-class predictor; `name` (default `test_error`).
 * @returns The operator.
 *
 * @example Usage
 * ```ts
 * import { testError } from "./test_error.ts";
 * import { train } from "../streams/train.ts";
 * import { soudryFig1 } from "../problems/shared/soudry_fig1.ts";
 *
 * train({
 *   problem: { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } },
 *   steps: 10,
 * }).pipe(testError(soudryFig1())).subscribe((s) => s.metrics.test_error);
 * ```
 */
export function testError(
  test: LabeledData,
  options: { classes?: number; name?: string } = {},
): OperatorFunction<Snapshot, Snapshot> {
  const { classes, name = "test_error" } = options;
  return metric(
    name,
    (s) =>
      classes === undefined
        ? signError(test.x, test.y, s.predictor.data)
        : argmaxError(test.x, test.y, s.predictor.data, classes),
  );
}
