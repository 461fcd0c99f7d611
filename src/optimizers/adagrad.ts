import type { ProblemBase } from "../engine/problem_base.ts";
import type { Optimizer } from "./optimizer.ts";
import { allFinite } from "./_finite.ts";

/** Options of {@link adagrad}. */
export interface AdagradOptions {
  /** Step size (PyTorch's default 0.01). */
  lr: number;
  /** Added to √s in the denominator (PyTorch's default 1e-10). */
  eps?: number;
}

/**
 * AdaGrad (Duchi, Hazan & Singer, 2011) with the update of `torch.optim.Adagrad`
 * (https://pytorch.org/docs/stable/generated/torch.optim.Adagrad.html, without
 * lr decay, weight decay or an initial accumulator):
 * sⱼ ← sⱼ + gⱼ², wⱼ ← wⱼ − lr·gⱼ/(√sⱼ + eps).
 *
 * On underdetermined least squares its limit depends on the step size and the
 * initialization (Gunasekar et al., ICML 2018); on Wilson et al.'s data it
 * reaches ¼·sign(Xᵀy), which generalizes worse than GD's minimum-norm
 * solution. A coordinate whose gradient has always been 0 does not move (where
 * PyTorch with eps = 0 would divide 0 by 0).
 *
 * @param problem The objective.
 * @param options Step size and eps.
 * @returns The optimizer.
 *
 * @example Usage
 * ```ts
 * import { adagrad } from "./adagrad.ts";
 * import { linearClassification, soudryFig1 } from "../problems/mod.ts";
 *
 * const problem = linearClassification(soudryFig1(), { loss: "logistic", reduction: "sum" });
 * const opt = adagrad(problem, { lr: 0.1 });
 * const w = new Float64Array(2);
 * for (let t = 0; t < 100; t++) opt.step(w);
 * ```
 */
export function adagrad(problem: ProblemBase, options: AdagradOptions): Optimizer {
  const { lr, eps = 1e-10 } = options;
  const d = problem.size;
  const grad = new Float64Array(d), sum = new Float64Array(d);
  return {
    kind: "adagrad",
    step(w: Float64Array): boolean {
      problem.gradient(w, grad, false);
      if (!allFinite(grad)) return false;
      for (let j = 0; j < d; j++) {
        const g = grad[j]!;
        const s = sum[j]! + g * g;
        sum[j] = s;
        const den = Math.sqrt(s) + eps;
        if (den > 0) w[j]! -= lr * (g / den);
      }
      return true;
    },
    state() {
      return { sum: { shape: [d], data: sum.slice() } };
    },
  };
}
