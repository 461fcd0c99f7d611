import type { OperatorFunction } from "rxjs";
import { relativeError } from "../math/relative_error.ts";
import type { Tensor } from "../math/tensor.ts";
import type { Snapshot } from "../engine/snapshot.ts";
import { metric } from "./metric.ts";
import { vectorOf } from "./_vector_of.ts";

/**
 * Adds `rel_err_ref`, ‖β − ref‖₂/‖ref‖₂: for problems whose optimizers have a
 * finite limit (least squares), how far the predictor is from the predicted one.
 *
 * @param ref The reference, shaped like the predictor.
 * @param options `name` (default `rel_err_ref`).
 * @returns The operator.
 *
 * @example Usage
 * ```ts
 * import { relErrTo } from "./rel_err_to.ts";
 * import { train } from "../streams/train.ts";
 *
 * train({
 *   problem: { kind: "least-squares", data: { kind: "points", x: [[1, 1]], y: [2] } },
 *   steps: 10,
 * }).pipe(relErrTo([1, 1])).subscribe((s) => s.metrics.rel_err_ref);
 * ```
 */
export function relErrTo(
  ref: Tensor | ArrayLike<number>,
  options: { name?: string } = {},
): OperatorFunction<Snapshot, Snapshot> {
  const r = vectorOf(ref);
  return metric(options.name ?? "rel_err_ref", (s) => relativeError(s.predictor.data, r));
}
