import type { CompiledRun } from "../engine/compile_run.ts";
import { maxMarginL2 } from "./max_margin_l2.ts";
import type { ReferenceResult } from "./reference.ts";
import { maxMarginDftL1 } from "./max_margin_dft_l1.ts";
import { sensingReference } from "./sensing_reference.ts";

/**
 * The solution the theorems predict for a run's problem and optimizer, e.g.
 * the L2 max-margin separator for (S)GD, momentum GD or normalized GD on
 * linear classification and on deep linear nets, the ℓ1-DFT max margin for
 * two-layer linear convolutional nets, the minimum nuclear norm solution for
 * matrix sensing.
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
    case "matrix-sensing":
      return sensingReference(problem as import("../problems/matrix_sensing.ts").MatrixSensing);
    case "linear-net": {
      const p = problem as import("../problems/linear_net.ts").LinearNet;
      return maxMarginL2(p.z, p.data.d);
    }
    case "linear-conv-net": {
      const p = problem as import("../problems/linear_conv_net.ts").LinearConvNet;
      if (p.options.depth === 1) return maxMarginL2(p.z, p.data.d);
      if (p.options.depth === 2) return maxMarginDftL1(p.z, p.data.d);
      return Promise.resolve({
        kind: "none",
        predictor: null,
        error: `For a depth-${p.options.depth} convolutional net the limit direction is only a stationary point ` +
          `of the nonconvex min ‖DFT(β)‖_{2/L} problem (Gunasekar et al. 2018); no reference is computed`,
      });
    }
    default:
      return Promise.resolve({
        kind: "none",
        predictor: null,
        error: `No reference solution is known for ${problem.kind} with ${run.spec.optimizer.kind}`,
      });
  }
}
