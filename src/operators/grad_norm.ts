import type { OperatorFunction } from "rxjs";
import type { Snapshot } from "../engine/snapshot.ts";
import { metric } from "./metric.ts";

/**
 * Adds `grad_norm`, ‖∇L(w)‖₂ as the engine computed it in float64.
 *
 * @returns The operator.
 *
 * @example Usage
 * ```ts
 * import { gradNorm } from "./grad_norm.ts";
 * import { train } from "../streams/train.ts";
 *
 * train({
 *   problem: { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } },
 *   steps: 10,
 * }).pipe(gradNorm()).subscribe();
 * ```
 */
export function gradNorm(): OperatorFunction<Snapshot, Snapshot> {
  return metric("grad_norm", (s) => s.gradNorm);
}
