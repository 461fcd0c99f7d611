import type { OptimizerSpec } from "../spec/optimizer_schema.ts";
import { normOrder } from "../optimizers/norm_order.ts";
import { formatOrder } from "./_format_order.ts";

/**
 * The ℓp whose max-margin separator an optimizer converges to in direction on
 * separable data, or the reason no theorem names one: GD, SGD, momentum and
 * normalized GD → ℓ2 (Soudry et al. 2018; Nacson et al. 2019); steepest descent
 * w.r.t. ℓp and greedy coordinate descent (steepest ℓ1) → ℓp (Gunasekar et al.
 * 2018, exponential-tailed losses).
 */
export function marginNorm(run: { readonly spec: { readonly optimizer: OptimizerSpec } }): number | string {
  const opt = run.spec.optimizer;
  switch (opt.kind) {
    case "gd":
    case "sgd":
    case "normalized-gd":
      return 2;
    case "steepest":
      return normOrder(opt.norm);
    case "coordinate":
      return opt.rule === "greedy"
        ? 1
        : "Cyclic coordinate descent has no known limit direction on separable data (greedy coordinate descent is steepest ℓ1)";
    case "adagrad":
    case "rmsprop":
    case "adam":
      return `${opt.kind}'s limit direction depends on its step size and initialization; no theorem names a max-margin reference (Gunasekar et al. 2018; Soudry et al. 2018, Fig. 2)`;
    case "mirror":
      return `No theorem is built in for the limit direction of mirror descent with ½‖w‖²_p (p = ${
        formatOrder(opt.p)
      }) on separable data`;
    default:
      return `No max-margin theorem is known for ${(opt as { kind: string }).kind}`;
  }
}
