import { map, type OperatorFunction } from "rxjs";
import type { Snapshot } from "../engine/snapshot.ts";
import { withMetrics } from "./with_metrics.ts";

/**
 * The building block of every operator: adds one named metric computed from
 * each snapshot. Use it to write your own.
 *
 * @param name The metric's name (snake_case by convention).
 * @param compute Computes the value from a snapshot (and the metrics added so far).
 * @returns An operator adding `metrics[name]`.
 *
 * @example Usage
 * ```ts
 * import { metric } from "./metric.ts";
 * import { train } from "../streams/train.ts";
 *
 * const ratio = metric("w_ratio", (s) => s.predictor.data[0]! / s.predictor.data[1]!);
 * train({
 *   problem: { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } },
 *   steps: 10,
 * }).pipe(ratio).subscribe();
 * ```
 */
export function metric(name: string, compute: (snapshot: Snapshot) => number): OperatorFunction<Snapshot, Snapshot> {
  if (!/^[A-Za-z_][\w.-]*$/.test(name)) {
    throw new TypeError(`Cannot define a metric named ${JSON.stringify(name)}: use letters, digits, _ . or -`);
  }
  return map((s) => withMetrics(s, { [name]: compute(s) }));
}
