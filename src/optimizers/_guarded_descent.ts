import type { ProblemBase } from "../engine/problem_base.ts";
import { allFinite } from "./_finite.ts";

/**
 * Gradient bookkeeping for update rules whose steps can overflow (steepest
 * descent's ‖∇L‖_* factor, coordinate and mirror steps on the exponential
 * loss): a step is accepted only when the loss and gradient at the new point
 * are finite, so a run that overflows stops at its last finite point with
 * finite metrics. The gradient computed at the accepted point is kept for the
 * next step, so each step still costs one pass over the data.
 */
export interface GuardedDescent {
  /** ∇L(w), or null when it (or L(w)) is not finite. The array is reused; do not keep it. */
  gradient(w: Float64Array): Float64Array | null;
  /** Whether `w` is the last accepted point (so state derived from it is current). */
  isCurrent(w: Float64Array): boolean;
  /** Moves `w` to `candidate` if the loss and gradient there are finite; returns whether it did. */
  accept(w: Float64Array, candidate: Float64Array): boolean;
}

/** Creates the bookkeeping for one optimizer on `problem`. */
export function guardedDescent(problem: ProblemBase): GuardedDescent {
  const d = problem.size;
  let grad = new Float64Array(d), next = new Float64Array(d);
  const at = new Float64Array(d);
  let cached = false;

  function isCurrent(w: Float64Array): boolean {
    if (!cached) return false;
    for (let j = 0; j < d; j++) if (w[j] !== at[j]) return false;
    return true;
  }

  return {
    gradient(w) {
      if (!isCurrent(w)) {
        const loss = problem.gradient(w, grad, true);
        if (!Number.isFinite(loss) || !allFinite(grad)) return null;
        at.set(w);
        cached = true;
      }
      return grad;
    },
    isCurrent,
    accept(w, candidate) {
      if (!allFinite(candidate)) return false;
      const loss = problem.gradient(candidate, next, true);
      if (!Number.isFinite(loss) || !allFinite(next)) return false;
      w.set(candidate);
      at.set(candidate);
      cached = true;
      [grad, next] = [next, grad];
      return true;
    },
  };
}
