import type { ProblemBase } from "../engine/problem_base.ts";
import type { Optimizer } from "./optimizer.ts";
import { allFinite } from "./_finite.ts";

/** Options of {@link adam}. */
export interface AdamOptions {
  /** Step size (PyTorch's default 1e-3). */
  lr: number;
  /** Decay of the first moment (default 0.9). */
  beta1?: number;
  /** Decay of the second moment (default 0.999). */
  beta2?: number;
  /** Added to the corrected root in the denominator (default 1e-8). */
  eps?: number;
}

/**
 * Adam (Kingma & Ba, 2015) with the update of `torch.optim.Adam`
 * (https://pytorch.org/docs/stable/generated/torch.optim.Adam.html, no weight
 * decay, no AMSGrad), in PyTorch's order of operations: at step t,
 * m ← m + (1 − β₁)(g − m), v ← β₂v + (1 − β₂)g², and
 * w ← w − (lr/(1 − β₁ᵗ))·m/(√v/√(1 − β₂ᵗ) + eps).
 *
 * @param problem The objective.
 * @param options Step size, β₁, β₂, eps.
 * @returns The optimizer.
 *
 * @example Usage
 * ```ts
 * import { adam } from "./adam.ts";
 * import { linearClassification, soudryFig1 } from "../problems/mod.ts";
 *
 * const problem = linearClassification(soudryFig1(), { loss: "logistic", reduction: "sum" });
 * const opt = adam(problem, { lr: 0.01 });
 * const w = new Float64Array(2);
 * for (let t = 0; t < 100; t++) opt.step(w);
 * ```
 */
export function adam(problem: ProblemBase, options: AdamOptions): Optimizer {
  const { lr, beta1 = 0.9, beta2 = 0.999, eps = 1e-8 } = options;
  const d = problem.size;
  const grad = new Float64Array(d), m1 = new Float64Array(d), m2 = new Float64Array(d);
  let t = 0;
  return {
    kind: "adam",
    step(w: Float64Array): boolean {
      problem.gradient(w, grad, false);
      if (!allFinite(grad)) return false;
      t++;
      const stepSize = lr / (1 - beta1 ** t);
      const bc2Sqrt = Math.sqrt(1 - beta2 ** t);
      for (let j = 0; j < d; j++) {
        const g = grad[j]!;
        const m = m1[j]! + (1 - beta1) * (g - m1[j]!);
        const v = beta2 * m2[j]! + (1 - beta2) * (g * g);
        m1[j] = m;
        m2[j] = v;
        const den = Math.sqrt(v) / bc2Sqrt + eps;
        if (den > 0) w[j]! -= stepSize * (m / den);
      }
      return true;
    },
    state() {
      return {
        exp_avg: { shape: [d], data: m1.slice() },
        exp_avg_sq: { shape: [d], data: m2.slice() },
        step: { shape: [], data: Float64Array.of(t) },
      };
    },
  };
}
