import type { ProblemBase } from "../../src/engine/problem_base.ts";
import { assertClose } from "../_assert_close.ts";

/** Checks `problem.gradient` at `w` against central differences of its loss. */
export function assertGradientMatchesLoss(problem: ProblemBase, w: Float64Array, rtol = 1e-7): void {
  const g = new Float64Array(problem.size), scratch = new Float64Array(problem.size);
  problem.gradient(w, g, false);
  const h = 1e-6;
  for (let j = 0; j < problem.size; j++) {
    const up = w.slice(), down = w.slice();
    up[j]! += h;
    down[j]! -= h;
    const fd = (problem.gradient(up, scratch, true) - problem.gradient(down, scratch, true)) / (2 * h);
    assertClose(g[j]!, fd, { rtol, atol: 1e-8 }, `∂L/∂w[${j}]`);
  }
}
