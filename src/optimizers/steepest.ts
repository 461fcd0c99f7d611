import { halfSquaredNormGradient } from "../math/half_squared_norm_gradient.ts";
import type { ProblemBase } from "../engine/problem_base.ts";
import type { Optimizer } from "./optimizer.ts";
import { dualOrder, type NormName, normOrder } from "./norm_order.ts";
import { guardedDescent } from "./_guarded_descent.ts";

/** Options of {@link steepest}. */
export interface SteepestOptions {
  /** The norm: `l1`, `l2`, `linf`, or an order p ≥ 1. */
  norm: NormName;
  /** Step size η. */
  lr: number;
}

/**
 * Steepest descent w.r.t. the ℓp norm with the unnormalized step of Boyd &
 * Vandenberghe (Convex Optimization, §9.4.1):
 * Δw = −η·‖∇L‖_q·v, v = argmax_{‖v‖_p ≤ 1}⟨∇L, v⟩, 1/p + 1/q = 1, which is
 * Δw = −η·∇(½‖·‖²_q)(∇L). p = 2 is exactly gradient descent (the same
 * floating-point operations); p = 1 moves only the coordinate with the largest
 * |∂ⱼL| by −η·∂ⱼL (greedy coordinate descent); p = ∞ is sign descent scaled
 * by ‖∇L‖₁.
 *
 * On separable data with the exponential loss it converges in direction to the
 * ℓp max-margin separator (Gunasekar, Lee, Soudry & Srebro, ICML 2018). Its
 * steps scale with ‖∇L‖_q and can overflow at large η: a step is taken only
 * when the loss and gradient after it are finite, otherwise `step` returns
 * false and the run ends as diverged at its last finite point.
 *
 * @param problem The objective.
 * @param options The norm and step size.
 * @returns The optimizer.
 *
 * @example Usage
 * ```ts
 * import { steepest } from "./steepest.ts";
 * import { linearClassification, soudryFig1 } from "../problems/mod.ts";
 *
 * const problem = linearClassification(soudryFig1(), { loss: "exp", reduction: "sum" });
 * const opt = steepest(problem, { norm: "linf", lr: 0.01 });
 * const w = new Float64Array(2);
 * for (let t = 0; t < 100; t++) opt.step(w);
 * ```
 */
export function steepest(problem: ProblemBase, options: SteepestOptions): Optimizer {
  const { lr } = options;
  const q = dualOrder(normOrder(options.norm));
  const d = problem.size;
  const guard = guardedDescent(problem);
  const dir = new Float64Array(d), candidate = new Float64Array(d);
  return {
    kind: "steepest",
    step(w: Float64Array): boolean {
      const g = guard.gradient(w);
      if (g === null) return false;
      halfSquaredNormGradient(g, q, dir);
      for (let j = 0; j < d; j++) candidate[j] = w[j]! - lr * dir[j]!;
      return guard.accept(w, candidate);
    },
    state() {
      return {};
    },
  };
}
