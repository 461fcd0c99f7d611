import type { OptimizerSpec } from "../spec/optimizer_schema.ts";
import { normOrder } from "../optimizers/norm_order.ts";

/**
 * The norm a run's optimizer lives in, whose margin is the run's `margin`:
 * p for steepest descent w.r.t. ℓp and mirror descent with ½‖·‖²_p, 1 for
 * greedy coordinate descent (steepest ℓ1), 2 otherwise.
 */
export function runNorm(optimizer: OptimizerSpec): number {
  switch (optimizer.kind) {
    case "steepest":
      return normOrder(optimizer.norm);
    case "mirror":
      return optimizer.p;
    case "coordinate":
      return optimizer.rule === "greedy" ? 1 : 2;
    default:
      return 2;
  }
}
