import type { KindRun } from "../shared/problem_kind.ts";
import type { Multiclass } from "./multiclass.ts";
import { marginNorm } from "../../reference/margin_norm.ts";
import { multiclassSvm } from "../../reference/multiclass_svm.ts";
import type { ReferenceResult } from "../../reference/reference.ts";
import { formatOrder } from "../../reference/_format_order.ts";

/** The multiclass SVM for GD-like optimizers on a multiclass run (Soudry et al. 2018, §4.1), else the reason. */
export function multiclassReference(problem: Multiclass, run: KindRun): Promise<ReferenceResult> {
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
