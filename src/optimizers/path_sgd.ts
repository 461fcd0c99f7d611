import type { ProblemBase } from "../engine/problem_base.ts";
import type { Optimizer } from "./optimizer.ts";
import { epochBatches } from "./_epoch_batches.ts";

/** Options of {@link pathSgd}. */
export interface PathSgdOptions {
  /** Step size η. */
  lr: number;
  /** Examples per step (clamped to the number of examples). */
  batch: number;
  /** Seed of the shuffling. */
  seed: number;
  /** Momentum μ in [0, 1) on the scaled step (0: plain Path-SGD). */
  momentum?: number;
}

/**
 * Path-SGD (Neyshabur, Salakhutdinov & Srebro, NIPS 2015): minibatch SGD with
 * random reshuffling (batches exactly as {@link sgd}'s for the same seed)
 * whose step on each parameter is divided by its path scale,
 * wₑ ← wₑ − η·(∂L/∂wₑ)/γₑ(w), γ from the problem's `pathGamma` (one forward
 * and one backward pass of the squared network per step). It is invariant to
 * node rescaling: scaling a hidden unit's incoming weights by c and outgoing
 * by 1/c before a step gives the same function after it. With momentum,
 * b ← μb + g/γ and w ← w − ηb. A parameter whose γ is 0 (every other edge
 * of every path through it is 0) takes the plain step −η∂L/∂wₑ.
 *
 * @param problem A network problem (`mlp`), which provides `pathGamma`.
 * @param options Step size, batch size, seed and momentum.
 * @returns The optimizer.
 * @throws {TypeError} when the problem has no path scales.
 *
 * @example Usage
 * ```ts
 * import { pathSgd } from "./path_sgd.ts";
 * import { mlp } from "../problems/mlp/mlp.ts";
 *
 * const data = { n: 2, d: 1, x: new Float64Array([1, -1]), y: new Float64Array([1, -1]) };
 * const problem = mlp(data, { widths: [2], activation: "relu", bias: true, loss: "logistic", reduction: "mean" });
 * const w = problem.networkInit({ kind: "pytorch", seed: 0 });
 * const opt = pathSgd(problem, { lr: 0.1, batch: 1, seed: 0 });
 * for (let t = 0; t < 10; t++) opt.step(w);
 * ```
 */
export function pathSgd(problem: ProblemBase, options: PathSgdOptions): Optimizer {
  const pathGamma = problem.pathGamma?.bind(problem);
  if (!pathGamma) throw new TypeError(`Path-SGD needs a network problem (mlp), not ${problem.kind}`);
  const { lr, seed, momentum = 0 } = options;
  const n = problem.examples;
  const batches = epochBatches(n, Math.min(options.batch, n), seed);
  const grad = new Float64Array(problem.size);
  const gamma = new Float64Array(problem.size);
  const buf = momentum > 0 ? new Float64Array(problem.size) : null;
  return {
    kind: "path-sgd",
    step(w: Float64Array): boolean {
      const count = batches.next();
      problem.gradient(w, grad, false, batches.rows, count);
      pathGamma(w, gamma);
      for (let j = 0; j < grad.length; j++) {
        const gj = gamma[j]!;
        const s = gj > 0 ? grad[j]! / gj : grad[j]!;
        if (!Number.isFinite(s)) return false;
        grad[j] = s;
      }
      if (buf) {
        for (let j = 0; j < grad.length; j++) {
          buf[j] = momentum * buf[j]! + grad[j]!;
          w[j] = w[j]! - lr * buf[j]!;
        }
      } else {
        for (let j = 0; j < grad.length; j++) w[j] = w[j]! - lr * grad[j]!;
      }
      return true;
    },
    state() {
      return buf ? { momentum: { shape: [buf.length], data: buf.slice() } } : {};
    },
  };
}
