import type { OperatorFunction } from "rxjs";
import { meanSquaredError } from "../math/mean_squared_error.ts";
import type { LabeledData } from "../problems/shared/labeled_data.ts";
import type { Snapshot } from "../engine/snapshot.ts";
import { metric } from "./metric.ts";

/**
 * Adds `test_mse`, the mean squared error (1/n)Σ(⟨β, xₙ⟩ − yₙ)² of the
 * predictor on a held-out set.
 *
 * @param test The held-out examples and targets.
 * @param options `name` (default `test_mse`).
 * @returns The operator.
 *
 * @example Usage
 * ```ts
 * import { testMse } from "./test_mse.ts";
 * import { train } from "../streams/train.ts";
 *
 * const test = { n: 1, d: 2, x: new Float64Array([1, 0]), y: new Float64Array([1]) };
 * train({
 *   problem: { kind: "least-squares", data: { kind: "points", x: [[1, 1]], y: [2] } },
 *   steps: 10,
 * }).pipe(testMse(test)).subscribe((s) => s.metrics.test_mse);
 * ```
 */
export function testMse(test: LabeledData, options: { name?: string } = {}): OperatorFunction<Snapshot, Snapshot> {
  return metric(options.name ?? "test_mse", (s) => meanSquaredError(test.x, test.y, s.predictor.data));
}
