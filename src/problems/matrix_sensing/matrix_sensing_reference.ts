import type { KindRun } from "../shared/problem_kind.ts";
import type { MatrixSensing } from "./matrix_sensing.ts";
import type { ReferenceResult } from "../../reference/reference.ts";
import { sensingReference } from "./sensing_reference.ts";

/**
 * Matrix sensing trained by (S)GD from a small init: the minimum nuclear norm solution (Gunasekar et al. 2017);
 * with a classification loss (also normalized GD) the minimum nuclear norm max-margin matrix (Gunasekar et al. 2018).
 */
export function matrixSensingReference(problem: MatrixSensing, run: KindRun): Promise<ReferenceResult> {
  const kind = run.spec.optimizer.kind, onebit = problem.options.loss !== "squared";
  if (kind !== "gd" && kind !== "sgd" && !(onebit && kind === "normalized-gd")) {
    return Promise.resolve({
      kind: "none",
      predictor: null,
      error: onebit
        ? `No reference for matrix sensing with ${kind}: the max-margin limit (Gunasekar et al. 2018) is about ` +
          `gradient descent (and its normalized form) on a classification loss`
        : `No reference for matrix sensing with ${kind}: the minimum nuclear norm conjecture is about ` +
          `gradient descent with small steps from a small initialization`,
    });
  }
  return sensingReference(problem);
}
