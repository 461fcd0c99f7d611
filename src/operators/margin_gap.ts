import type { OperatorFunction } from "rxjs";
import { minMargin } from "../math/min_margin.ts";
import type { Snapshot } from "../engine/snapshot.ts";
import { metric } from "./metric.ts";
import type { MarginData } from "./margin.ts";

/**
 * Adds `margin_gap`, the reference's normalized margin minus the predictor's:
 * ≥ 0 always (the reference maximizes it), → 0 as the direction converges.
 *
 * @param data The signed examples.
 * @param referenceMargin The max margin (e.g. `1/‖ŵ‖` for the L2 SVM).
 * @param options `p` (default 2) and `name` (default `margin_gap`).
 * @returns The operator.
 *
 * @example Usage
 * ```ts
 * import { marginGap } from "./margin_gap.ts";
 * import { train } from "../streams/train.ts";
 * import { soudryFig1, linearClassification } from "../problems/mod.ts";
 *
 * const problem = linearClassification(soudryFig1(), { loss: "logistic", reduction: "sum" });
 * train({
 *   problem: { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } },
 *   steps: 10,
 * }).pipe(marginGap(problem, Math.SQRT2)).subscribe();
 * ```
 */
export function marginGap(
  data: MarginData,
  referenceMargin: number,
  options: { p?: number; name?: string } = {},
): OperatorFunction<Snapshot, Snapshot> {
  const { p = 2, name = "margin_gap" } = options;
  const z = data.z;
  return metric(name, (s) => referenceMargin - minMargin(z, s.predictor.data, p));
}
