import type { ProblemBase } from "../../src/engine/problem_base.ts";
import { assertClose } from "../_assert_close.ts";

/**
 * Asserts that a problem's gradient matches central finite differences of its
 * loss at `params` (optionally on a batch), entry by entry, to `rtol` of the
 * largest gradient entry.
 */
export function assertBatchGradientMatchesLoss(
  problem: ProblemBase,
  params: Float64Array,
  options: { rows?: Uint32Array; count?: number; h?: number; rtol?: number } = {},
): void {
  const { rows, count, h = 1e-6, rtol = 1e-6 } = options;
  const g = new Float64Array(problem.size), scratch = new Float64Array(problem.size);
  problem.gradient(params, g, true, rows, count);
  const scale = g.reduce((s, v) => Math.max(s, Math.abs(v)), 0);
  for (let i = 0; i < problem.size; i++) {
    const plus = params.slice(), minus = params.slice();
    plus[i]! += h;
    minus[i]! -= h;
    const num =
      (problem.gradient(plus, scratch, true, rows, count) - problem.gradient(minus, scratch, true, rows, count)) /
      (2 * h);
    assertClose(g[i]!, num, { atol: rtol * Math.max(scale, 1e-12) }, `∂L/∂θ[${i}]`);
  }
}
