import type { OperatorFunction } from "rxjs";
import { minMargin } from "../math/min_margin.ts";
import type { Snapshot } from "../engine/snapshot.ts";
import { metric } from "./metric.ts";

/** Signed examples zₙ = yₙxₙ (row-major n×d), as a linear-classification problem carries them. */
export interface MarginData {
  /** zₙ = yₙxₙ, row-major. */
  readonly z: Float64Array;
}

/**
 * Adds `margin`, the normalized margin minₙ yₙ⟨β, xₙ⟩ / ‖β‖ₚ of the predictor.
 *
 * @param data The signed examples (a `LinearClassification` problem works as is).
 * @param options `p`: the norm (default 2); `name` (default `margin`).
 * @returns The operator.
 *
 * @example Usage
 * ```ts
 * import { margin } from "./margin.ts";
 * import { train } from "../streams/train.ts";
 * import { compileRun } from "../run/compile_run.ts";
 * import { problemOfKind } from "../problems/problem_of_kind.ts";
 *
 * const run = compileRun({
 *   problem: { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } },
 *   steps: 10,
 * });
 * train(run).pipe(margin(problemOfKind(run.problem, "linear-classification"))).subscribe();
 * ```
 */
export function margin(
  data: MarginData,
  options: { p?: number; name?: string } = {},
): OperatorFunction<Snapshot, Snapshot> {
  const { p = 2, name = "margin" } = options;
  const z = data.z;
  return metric(name, (s) => minMargin(z, s.predictor.data, p));
}
