import type { ProblemBase } from "../engine/problem_base.ts";
import type { Optimizer } from "./optimizer.ts";
import { applyUpdate } from "./_apply_update.ts";

/** Options of {@link gd}. */
export interface GdOptions {
  /** Step size η. */
  lr: number;
  /** Momentum μ in [0, 1); 0 is plain GD. */
  momentum?: number;
  /** Nesterov's variant of momentum. */
  nesterov?: boolean;
}

/**
 * Full-batch gradient descent, w ← w − η∇L(w), with optional heavy-ball or
 * Nesterov momentum in PyTorch's form (b ← μb + ∇L; w ← w − η·b, or
 * w ← w − η·(∇L + μb)), so iterates match `torch.optim.SGD` exactly.
 *
 * @param problem The objective.
 * @param options Step size and momentum.
 * @returns The optimizer.
 *
 * @example Usage
 * ```ts
 * import { gd } from "./gd.ts";
 * import { linearClassification, soudryFig1 } from "../problems/mod.ts";
 *
 * const problem = linearClassification(soudryFig1(), { loss: "logistic", reduction: "sum" });
 * const opt = gd(problem, { lr: 0.1 });
 * const w = new Float64Array(2);
 * for (let t = 0; t < 100; t++) opt.step(w);
 * ```
 */
export function gd(problem: ProblemBase, options: GdOptions): Optimizer {
  const { lr, momentum = 0, nesterov = false } = options;
  const grad = new Float64Array(problem.size);
  const buf = momentum > 0 ? new Float64Array(problem.size) : null;
  return {
    kind: "gd",
    step(w: Float64Array): boolean {
      problem.gradient(w, grad, false);
      return applyUpdate(w, grad, buf, lr, momentum, nesterov);
    },
    state() {
      return buf ? { momentum: { shape: [buf.length], data: buf.slice() } } : {};
    },
  };
}
