import type { OperatorFunction } from "rxjs";
import { directionGap } from "../math/direction_gap.ts";
import type { Tensor } from "../math/tensor.ts";
import type { Snapshot } from "../engine/snapshot.ts";
import { metric } from "./metric.ts";
import { vectorOf } from "./_vector_of.ts";

/**
 * Adds `dist_ref`, the distance ‖β/‖β‖ − ref/‖ref‖‖ between directions.
 *
 * @param ref The reference direction, shaped like the predictor.
 * @param options `name` (default `dist_ref`).
 * @returns The operator.
 *
 * @example Usage
 * ```ts
 * import { distTo } from "./dist_to.ts";
 * import { train } from "../streams/train.ts";
 *
 * train({
 *   problem: { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } },
 *   steps: 10,
 * }).pipe(distTo([0.5, 0.5])).subscribe();
 * ```
 */
export function distTo(
  ref: Tensor | ArrayLike<number>,
  options: { name?: string } = {},
): OperatorFunction<Snapshot, Snapshot> {
  const r = vectorOf(ref);
  return metric(options.name ?? "dist_ref", (s) => directionGap(s.predictor.data, r).distance);
}
