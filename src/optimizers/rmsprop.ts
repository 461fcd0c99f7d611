import type { ProblemBase } from "../engine/problem_base.ts";
import type { Tensor } from "../math/tensor.ts";
import type { Optimizer } from "./optimizer.ts";
import { allFinite } from "./_finite.ts";

/** Options of {@link rmsprop}. */
export interface RmspropOptions {
  /** Step size (PyTorch's default 0.01). */
  lr: number;
  /** Smoothing constant of the squared-gradient average (default 0.99). */
  alpha?: number;
  /** Added to the root in the denominator (default 1e-8). */
  eps?: number;
  /** Momentum μ in [0, 1) (default 0). */
  momentum?: number;
  /** Normalize by an estimate of the gradient's variance instead (default false). */
  centered?: boolean;
}

/**
 * RMSProp (Hinton's lecture 6e) with the update of `torch.optim.RMSprop`
 * (https://pytorch.org/docs/stable/generated/torch.optim.RMSprop.html, no
 * weight decay): vⱼ ← αvⱼ + (1 − α)gⱼ²; centered, ḡⱼ ← αḡⱼ + (1 − α)gⱼ and
 * ṽⱼ = vⱼ − ḡⱼ², else ṽⱼ = vⱼ; with momentum bⱼ ← μbⱼ + gⱼ/(√ṽⱼ + eps),
 * wⱼ ← wⱼ − lr·bⱼ, else wⱼ ← wⱼ − lr·gⱼ/(√ṽⱼ + eps).
 *
 * @param problem The objective.
 * @param options Step size, α, eps, momentum, centering.
 * @returns The optimizer.
 *
 * @example Usage
 * ```ts
 * import { rmsprop } from "./rmsprop.ts";
 * import { linearClassification, soudryFig1 } from "../problems/mod.ts";
 *
 * const problem = linearClassification(soudryFig1(), { loss: "logistic", reduction: "sum" });
 * const opt = rmsprop(problem, { lr: 0.01 });
 * const w = new Float64Array(2);
 * for (let t = 0; t < 100; t++) opt.step(w);
 * ```
 */
export function rmsprop(problem: ProblemBase, options: RmspropOptions): Optimizer {
  const { lr, alpha = 0.99, eps = 1e-8, momentum = 0, centered = false } = options;
  const d = problem.size;
  const grad = new Float64Array(d), square = new Float64Array(d);
  const buf = momentum > 0 ? new Float64Array(d) : null;
  const mean = centered ? new Float64Array(d) : null;
  return {
    kind: "rmsprop",
    step(w: Float64Array): boolean {
      problem.gradient(w, grad, false);
      if (!allFinite(grad)) return false;
      for (let j = 0; j < d; j++) {
        const g = grad[j]!;
        const v = alpha * square[j]! + (1 - alpha) * (g * g);
        square[j] = v;
        let avg: number;
        if (mean) {
          const m = mean[j]! + (1 - alpha) * (g - mean[j]!);
          mean[j] = m;
          avg = Math.sqrt(v - m * m) + eps;
        } else {
          avg = Math.sqrt(v) + eps;
        }
        const u = avg > 0 ? g / avg : 0;
        if (buf) {
          const b = momentum * buf[j]! + u;
          buf[j] = b;
          w[j]! -= lr * b;
        } else {
          w[j]! -= lr * u;
        }
      }
      return true;
    },
    state() {
      const out: Record<string, Tensor> = { square_avg: { shape: [d], data: square.slice() } };
      if (buf) out.momentum = { shape: [d], data: buf.slice() };
      if (mean) out.grad_avg = { shape: [d], data: mean.slice() };
      return out;
    },
  };
}
