import type { ProblemBase } from "../engine/problem_base.ts";
import type { Optimizer } from "./optimizer.ts";

/** Options of {@link normalizedGd}. */
export interface NormalizedGdOptions {
  /** Base step size η; the step taken is η / L(w). */
  lr: number;
}

/**
 * Normalized gradient descent, w ← w − (η / L(w))·∇L(w) (Nacson et al., 2019),
 * which on separable data with the exponential loss converges in direction to
 * the max-margin solution at rate ~1/t rather than GD's 1/log t.
 *
 * Uses the problem's `logGradient` (∇L/L without underflow) when it has one,
 * so the step stays exact after L itself has rounded to 0.
 *
 * @param problem The objective.
 * @param options The base step size.
 * @returns The optimizer.
 *
 * @example Usage
 * ```ts
 * import { normalizedGd } from "./normalized_gd.ts";
 * import { linearClassification, soudryFig1 } from "../problems/mod.ts";
 *
 * const problem = linearClassification(soudryFig1(), { loss: "exp", reduction: "sum" });
 * const opt = normalizedGd(problem, { lr: 0.1 });
 * const w = new Float64Array(2);
 * for (let t = 0; t < 100; t++) opt.step(w);
 * ```
 */
export function normalizedGd(problem: ProblemBase, options: NormalizedGdOptions): Optimizer {
  const { lr } = options;
  const d = problem.size;
  const grad = new Float64Array(d);
  return {
    kind: "normalized-gd",
    step(w: Float64Array): boolean {
      let ok: boolean;
      if (problem.logGradient) {
        ok = Number.isFinite(problem.logGradient(w, grad));
      } else {
        const loss = problem.gradient(w, grad, true);
        ok = loss > 0 && Number.isFinite(loss);
        if (ok) { for (let j = 0; j < d; j++) grad[j]! /= loss; }
      }
      let s = 0;
      for (let j = 0; j < d; j++) s += grad[j]!;
      if (!ok || !Number.isFinite(s)) return false;
      for (let j = 0; j < d; j++) w[j]! -= lr * grad[j]!;
      return true;
    },
    state() {
      return {};
    },
  };
}
