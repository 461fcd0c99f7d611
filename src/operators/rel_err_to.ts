import type { OperatorFunction } from "rxjs";
import { relativeError } from "../math/relative_error.ts";
import type { Tensor } from "../math/tensor.ts";
import type { Snapshot } from "../streams/snapshot.ts";
import { metric } from "./metric.ts";
import { vectorOf } from "./_vector_of.ts";

/**
 * Adds `rel_err_ref`, the relative distance ‖β − ref‖ / ‖ref‖ of the predictor
 * to a target (Frobenius for matrices): for problems whose iterates converge
 * to a finite limit, like matrix sensing. With `name: "rel_err_truth"` and
 * the ground truth X*, it is the recovery error ‖X − X*‖_F / ‖X*‖_F.
 *
 * @param ref The target, shaped like the predictor.
 * @param options `name` (default `rel_err_ref`).
 * @returns The operator.
 *
 * @example Usage
 * ```ts
 * import { relErrTo } from "./rel_err_to.ts";
 * import { train } from "../streams/train.ts";
 *
 * train({
 *   problem: { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } },
 *   steps: 10,
 * }).pipe(relErrTo([0.5, 0.5])).subscribe((s) => s.metrics.rel_err_ref);
 * ```
 */
export function relErrTo(
  ref: Tensor | ArrayLike<number>,
  options: { name?: string } = {},
): OperatorFunction<Snapshot, Snapshot> {
  const r = vectorOf(ref);
  return metric(options.name ?? "rel_err_ref", (s) => relativeError(s.predictor.data, r));
}
