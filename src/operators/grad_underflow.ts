import { map, type OperatorFunction } from "rxjs";
import type { Snapshot } from "../engine/snapshot.ts";

/**
 * Adds `grad_underflow` on engines that report it (WebGPU, float32): the
 * steps so far whose gradient underflowed to exactly zero, where the run
 * stalled although float64 would have moved. Snapshots without the field
 * (the float64 CPU engine) pass unchanged.
 *
 * @returns The operator.
 *
 * @example Usage
 * ```ts
 * import { gradUnderflow } from "./grad_underflow.ts";
 * import { train } from "../streams/train.ts";
 *
 * train({
 *   problem: { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } },
 *   steps: 10,
 * }).pipe(gradUnderflow()).subscribe();
 * ```
 */
export function gradUnderflow(): OperatorFunction<Snapshot, Snapshot> {
  return map((s) =>
    s.gradUnderflow === undefined ? s : { ...s, metrics: { ...s.metrics, grad_underflow: s.gradUnderflow } }
  );
}
