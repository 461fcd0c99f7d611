import type { OperatorFunction } from "rxjs";
import type { Snapshot } from "../engine/snapshot.ts";
import { metric } from "./metric.ts";

/**
 * Adds `loss`, the training loss L(w) the engine computed in float64.
 *
 * @returns The operator.
 *
 * @example Usage
 * ```ts
 * import { loss } from "./loss.ts";
 * import { train } from "../streams/train.ts";
 *
 * train({
 *   problem: { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } },
 *   steps: 10,
 * }).pipe(loss()).subscribe((s) => s.metrics.loss);
 * ```
 */
export function loss(): OperatorFunction<Snapshot, Snapshot> {
  return metric("loss", (s) => s.loss);
}
