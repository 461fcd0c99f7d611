import { linearClassification } from "../../src/problems/linear_classification/linear_classification.ts";
import { separableData } from "../../src/problems/shared/separable_data.ts";
import type { ProblemBase } from "../../src/engine/problem_base.ts";

/** A small logistic problem shared by the optimizer tests. */
export function smallProblem(loss: "logistic" | "exp" = "logistic"): ProblemBase {
  return linearClassification(separableData({ n: 10, d: 3, margin: 0.1, seed: 11 }), { loss, reduction: "sum" });
}

/** ∇L(w), freshly allocated. */
export function gradAt(problem: ProblemBase, w: Float64Array): Float64Array {
  const g = new Float64Array(problem.size);
  problem.gradient(w, g, false);
  return g;
}
