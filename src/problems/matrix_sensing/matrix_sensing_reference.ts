import type { KindRun } from "../shared/problem_kind.ts";
import type { MatrixSensing } from "./matrix_sensing.ts";
import type { ReferenceResult } from "../../reference/reference.ts";
import { sensingReference } from "./sensing_reference.ts";

/** Matrix sensing trained by (S)GD from a small init: the minimum nuclear norm solution (Gunasekar et al. 2017). */
export function matrixSensingReference(problem: MatrixSensing, run: KindRun): Promise<ReferenceResult> {
  const kind = run.spec.optimizer.kind;
  if (kind !== "gd" && kind !== "sgd") {
    return Promise.resolve({
      kind: "none",
      predictor: null,
      error: `No reference for matrix sensing with ${kind}: the minimum nuclear norm conjecture is about ` +
        `gradient descent with small steps from a small initialization`,
    });
  }
  return sensingReference(problem);
}
