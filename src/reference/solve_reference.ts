import type { CompiledRun } from "../engine/compile_run.ts";
import { maxMarginL2 } from "./max_margin_l2.ts";
import type { ReferenceResult } from "./reference.ts";

/**
 * The solution the theorems predict for a run's problem and optimizer, e.g.
 * the L2 max-margin separator for (S)GD, momentum GD or normalized GD on
 * linear classification.
 *
 * @param run A compiled run.
 * @returns The reference, or the reason there is none.
 *
 * @example Usage
 * ```ts
 * import { solveReference } from "./solve_reference.ts";
 * import { compileRun } from "../engine/compile_run.ts";
 * import assert from "node:assert/strict";
 *
 * const ref = await solveReference(compileRun({
 *   problem: { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } },
 *   steps: 10,
 * }));
 * assert.equal(ref.kind, "max-margin-l2");
 * ```
 */
export function solveReference(run: CompiledRun): Promise<ReferenceResult> {
  const { problem } = run;
  switch (problem.kind) {
    case "linear-classification": {
      const p = problem as import("../problems/linear_classification.ts").LinearClassification;
      return maxMarginL2(p.z, p.data.d);
    }
    default:
      return Promise.resolve({
        kind: "none",
        predictor: null,
        error: `No reference solution is known for ${problem.kind} with ${run.spec.optimizer.kind}`,
      });
  }
}
