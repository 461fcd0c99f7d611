import type { OperatorFunction } from "rxjs";
import { lpNorm } from "../math/lp_norm.ts";
import type { Snapshot } from "../engine/snapshot.ts";
import { metric } from "./metric.ts";

/**
 * The default metric name of the ℓp norm of the predictor: `norm` for p = 2,
 * `norm_l1`, `norm_linf`, else `norm_l<p>`.
 *
 * @param p The order.
 * @returns The name.
 *
 * @example Usage
 * ```ts
 * import { normName } from "./norm.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(normName(Infinity), "norm_linf");
 * ```
 */
export function normName(p: number): string {
  if (p === 2) return "norm";
  if (p === Infinity) return "norm_linf";
  return `norm_l${p}`;
}

/**
 * Adds the ℓp norm of the predictor (β for linear models).
 *
 * @param p The order: ≥ 1 or `Infinity` (default 2).
 * @param options `name` overrides the metric name (default {@link normName}).
 * @returns The operator.
 *
 * @example Usage
 * ```ts
 * import { norm } from "./norm.ts";
 * import { train } from "../streams/train.ts";
 *
 * train({
 *   problem: { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } },
 *   steps: 10,
 * }).pipe(norm(), norm(1)).subscribe((s) => [s.metrics.norm, s.metrics.norm_l1]);
 * ```
 */
export function norm(p = 2, options: { name?: string } = {}): OperatorFunction<Snapshot, Snapshot> {
  if (!(p >= 1)) throw new RangeError(`Cannot add an lp norm metric: p must be at least 1 but was ${p}`);
  return metric(options.name ?? normName(p), (s) => lpNorm(s.predictor.data, p));
}
