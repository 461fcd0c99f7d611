import { halfSquaredNormGradient } from "../math/half_squared_norm_gradient.ts";
import type { ProblemBase } from "../engine/problem_base.ts";
import type { Optimizer } from "./optimizer.ts";
import { dualOrder } from "./norm_order.ts";
import { guardedDescent } from "./_guarded_descent.ts";

/** Options of {@link mirror}. */
export interface MirrorOptions {
  /** The order 1 < p < ∞ of the potential ψ(w) = ½‖w‖²_p. */
  p: number;
  /** Step size η. */
  lr: number;
}

/**
 * Mirror descent with the potential ψ(w) = ½‖w‖²_p: the dual point
 * θ = ∇ψ(w) takes the gradient step θ ← θ − η∇L(w), and w = ∇ψ*(θ) with
 * ψ* = ½‖·‖²_q, 1/p + 1/q = 1 (both maps are {@link halfSquaredNormGradient}).
 * θ is kept between steps, so iterates are exactly those of the dual
 * recursion; p = 2 is gradient descent.
 *
 * On least squares it converges to the interpolant closest to w₀ in the
 * Bregman divergence of ψ, independently of the step size — from w₀ = 0 the
 * minimum-ℓp-norm interpolant (Gunasekar, Lee, Soudry & Srebro, ICML 2018).
 * Steps that would make the loss overflow are refused, as in {@link steepest}.
 *
 * @param problem The objective.
 * @param options The order p and step size.
 * @returns The optimizer.
 *
 * @example Usage
 * ```ts
 * import { mirror } from "./mirror.ts";
 * import { linearClassification, soudryFig1 } from "../problems/mod.ts";
 *
 * const problem = linearClassification(soudryFig1(), { loss: "logistic", reduction: "sum" });
 * const opt = mirror(problem, { p: 1.5, lr: 0.1 });
 * const w = new Float64Array(2);
 * for (let t = 0; t < 100; t++) opt.step(w);
 * ```
 */
export function mirror(problem: ProblemBase, options: MirrorOptions): Optimizer {
  const { p, lr } = options;
  if (!(p > 1) || !Number.isFinite(p)) {
    throw new RangeError(`Cannot run mirror descent with the potential ½‖w‖²_p for p = ${p}: p must be in (1, ∞)`);
  }
  const q = dualOrder(p);
  const d = problem.size;
  const guard = guardedDescent(problem);
  const theta = new Float64Array(d), nextTheta = new Float64Array(d), candidate = new Float64Array(d);
  return {
    kind: "mirror",
    step(w: Float64Array): boolean {
      // θ belongs to the last accepted point; anything else (the first step) starts from ∇ψ(w).
      const current = guard.isCurrent(w);
      const g = guard.gradient(w);
      if (g === null) return false;
      if (!current) halfSquaredNormGradient(w, p, theta);
      for (let j = 0; j < d; j++) nextTheta[j] = theta[j]! - lr * g[j]!;
      halfSquaredNormGradient(nextTheta, q, candidate);
      if (!guard.accept(w, candidate)) return false;
      theta.set(nextTheta);
      return true;
    },
    state() {
      return { dual: { shape: [d], data: theta.slice() } };
    },
  };
}
