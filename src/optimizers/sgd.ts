import type { ProblemBase } from "../engine/problem_base.ts";
import type { Optimizer } from "./optimizer.ts";
import { applyUpdate } from "./_apply_update.ts";
import { epochBatches } from "./_epoch_batches.ts";

/** Options of {@link sgd}. */
export interface SgdOptions {
  /** Step size η. */
  lr: number;
  /** Examples per step (clamped to the number of examples). */
  batch: number;
  /** Seed of the shuffling. */
  seed: number;
  /** Momentum μ in [0, 1). */
  momentum?: number;
  /** Nesterov's variant of momentum. */
  nesterov?: boolean;
}

/**
 * Minibatch stochastic gradient descent with random reshuffling: each epoch
 * visits the examples in a fresh seeded order, `batch` at a time (the last
 * batch of an epoch may be smaller); each step follows the gradient of the
 * batch's loss under the problem's reduction. Momentum as in {@link gd}. Without
 * momentum, problems with `sgdStep` (networks) take the step inside their
 * backward pass (the same update, rounded differently; no gradient buffer).
 *
 * @param problem The objective.
 * @param options Step size, batch size, seed and momentum.
 * @returns The optimizer.
 *
 * @example Usage
 * ```ts
 * import { sgd } from "./sgd.ts";
 * import { linearClassification, soudryFig1 } from "../problems/mod.ts";
 *
 * const problem = linearClassification(soudryFig1(), { loss: "logistic", reduction: "sum" });
 * const opt = sgd(problem, { lr: 0.1, batch: 4, seed: 0 });
 * const w = new Float64Array(2);
 * for (let t = 0; t < 100; t++) opt.step(w);
 * ```
 */
export function sgd(problem: ProblemBase, options: SgdOptions): Optimizer {
  const { lr, seed, momentum = 0, nesterov = false } = options;
  const n = problem.examples;
  const batch = Math.min(options.batch, n);
  const batches = epochBatches(n, batch, seed);
  // Without momentum, a problem that can (mlp) takes the step inside its backward pass: no gradient buffer.
  const fused = momentum === 0 && problem.sgdStep !== undefined && batch <= (problem.fusedBatch ?? 0);
  const grad = fused ? new Float64Array(0) : new Float64Array(problem.size);
  const buf = momentum > 0 ? new Float64Array(problem.size) : null;
  return {
    kind: "sgd",
    step(w: Float64Array): boolean {
      const count = batches.next();
      if (fused) return problem.sgdStep!(w, lr, batches.rows, count);
      problem.gradient(w, grad, false, batches.rows, count);
      return applyUpdate(w, grad, buf, lr, momentum, nesterov);
    },
    state() {
      return buf ? { momentum: { shape: [buf.length], data: buf.slice() } } : {};
    },
  };
}
