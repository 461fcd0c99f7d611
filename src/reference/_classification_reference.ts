import type { CompiledRun } from "../engine/compile_run.ts";
import type { LinearClassification } from "../problems/linear_classification.ts";
import type { Multiclass } from "../problems/multiclass.ts";
import { normOrder } from "../optimizers/norm_order.ts";
import { maxMarginL1 } from "./max_margin_l1.ts";
import { maxMarginL2 } from "./max_margin_l2.ts";
import { maxMarginLinf } from "./max_margin_linf.ts";
import { multiclassSvm } from "./multiclass_svm.ts";
import type { ReferenceResult } from "./reference.ts";
import { formatOrder } from "./_format_order.ts";

/**
 * The ℓp whose max-margin separator an optimizer converges to in direction on
 * separable data, or the reason no theorem names one: GD, SGD, momentum and
 * normalized GD → ℓ2 (Soudry et al. 2018; Nacson et al. 2019); steepest descent
 * w.r.t. ℓp and greedy coordinate descent (steepest ℓ1) → ℓp (Gunasekar et al.
 * 2018, exponential-tailed losses).
 */
export function marginNorm(run: CompiledRun): number | string {
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

/** The max-margin reference of a binary linear-classification run, in the norm its optimizer is biased towards. */
export function classificationReference(run: CompiledRun): Promise<ReferenceResult> {
  const problem = run.problem as LinearClassification;
  const p = marginNorm(run);
  if (typeof p === "string") return Promise.resolve({ kind: "none", predictor: null, error: p });
  const d = problem.data.d;
  if (p === 2) return maxMarginL2(problem.z, d);
  if (p === 1) return maxMarginL1(problem.z, d);
  if (p === Infinity) return maxMarginLinf(problem.z, d);
  return Promise.resolve({
    kind: `max-margin-l${formatOrder(p)}`,
    predictor: null,
    error: `No exact ℓ${formatOrder(p)} max-margin solver is built in (only p = 1, 2, ∞); the run's ℓ${
      formatOrder(p)
    } margin is still recorded`,
  });
}

/** The multiclass SVM for GD-like optimizers on a multiclass run (Soudry et al. 2018, §4.1), else the reason. */
export function multiclassReference(run: CompiledRun): Promise<ReferenceResult> {
  const problem = run.problem as Multiclass;
  const p = marginNorm(run);
  if (p !== 2) {
    const error = typeof p === "string"
      ? p
      : `The multiclass theorem covers GD-like methods (the ℓ2 multiclass SVM); none is built in for ℓ${
        formatOrder(p)
      } steepest descent`;
    return Promise.resolve({ kind: "none", predictor: null, error });
  }
  return multiclassSvm(problem.data.x, problem.data.y, problem.classes);
}
