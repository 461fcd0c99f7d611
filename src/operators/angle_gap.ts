import type { OperatorFunction } from "rxjs";
import { directionGap } from "../math/direction_gap.ts";
import type { Tensor } from "../math/tensor.ts";
import type { Snapshot } from "../engine/snapshot.ts";
import { metric } from "./metric.ts";
import { vectorOf } from "./_vector_of.ts";

/**
 * Adds `angle_gap`, 1 − cos(β, ref), computed as ½‖β̂ − r̂‖² so that it keeps
 * its digits down to 1e-16 (GD's gap decays only like 1/log² t).
 *
 * @param ref The reference direction, shaped like the predictor.
 * @param options `name` (default `angle_gap`).
 * @returns The operator.
 *
 * @example Usage
 * ```ts
 * import { angleGap } from "./angle_gap.ts";
 * import { train } from "../streams/train.ts";
 *
 * train({
 *   problem: { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } },
 *   steps: 10,
 * }).pipe(angleGap([0.5, 0.5])).subscribe();
 * ```
 */
export function angleGap(
  ref: Tensor | ArrayLike<number>,
  options: { name?: string } = {},
): OperatorFunction<Snapshot, Snapshot> {
  const r = vectorOf(ref);
  return metric(options.name ?? "angle_gap", (s) => directionGap(s.predictor.data, r).angleGap);
}
