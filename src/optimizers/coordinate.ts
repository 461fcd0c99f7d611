import type { ProblemBase } from "../engine/problem_base.ts";
import type { Optimizer } from "./optimizer.ts";
import { guardedDescent } from "./_guarded_descent.ts";

/** Options of {@link coordinate}. */
export interface CoordinateOptions {
  /** `cyclic`: coordinates 0, 1, …, d−1 in turn; `greedy`: the one with the largest |∂ⱼL| (Gauss–Southwell). */
  rule: "cyclic" | "greedy";
  /** Step size η. */
  lr: number;
}

/**
 * Coordinate descent with a fixed step: each step changes one coordinate,
 * wⱼ ← wⱼ − η·∂ⱼL(w). The greedy rule is steepest descent w.r.t. ℓ1 (the
 * same step), the AdaBoost connection; on underdetermined least squares the
 * limit depends on the step size (it tracks the Lasso/LARS path only as the
 * step goes to 0). Steps that would make the loss overflow are refused, as in
 * {@link steepest}.
 *
 * @param problem The objective.
 * @param options The rule and step size.
 * @returns The optimizer.
 *
 * @example Usage
 * ```ts
 * import { coordinate } from "./coordinate.ts";
 * import { linearClassification, soudryFig1 } from "../problems/mod.ts";
 *
 * const problem = linearClassification(soudryFig1(), { loss: "logistic", reduction: "sum" });
 * const opt = coordinate(problem, { rule: "cyclic", lr: 0.1 });
 * const w = new Float64Array(2);
 * for (let t = 0; t < 100; t++) opt.step(w);
 * ```
 */
export function coordinate(problem: ProblemBase, options: CoordinateOptions): Optimizer {
  const { lr, rule } = options;
  const d = problem.size;
  const guard = guardedDescent(problem);
  const candidate = new Float64Array(d);
  let next = 0;
  return {
    kind: "coordinate",
    step(w: Float64Array): boolean {
      const g = guard.gradient(w);
      if (g === null) return false;
      let j = next;
      if (rule === "greedy") {
        let best = -1;
        for (let k = 0; k < d; k++) {
          const a = Math.abs(g[k]!);
          if (a > best) {
            best = a;
            j = k;
          }
        }
      }
      candidate.set(w);
      candidate[j] = w[j]! - lr * g[j]!;
      if (!guard.accept(w, candidate)) return false;
      next = (j + 1) % d;
      return true;
    },
    state() {
      return {};
    },
  };
}
