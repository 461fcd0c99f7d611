import type { CompiledRun } from "../engine/compile_run.ts";
import type { LinearConvNet } from "../problems/linear_conv_net.ts";
import type { LinearNet } from "../problems/linear_net.ts";
import type { MatrixSensing } from "../problems/matrix_sensing.ts";
import { maxMarginDftL1 } from "./max_margin_dft_l1.ts";
import { maxMarginL2 } from "./max_margin_l2.ts";
import type { ReferenceResult } from "./reference.ts";
import { sensingReference } from "./sensing_reference.ts";
import { marginNorm } from "./_classification_reference.ts";

/** Why a theorem about GD-like methods says nothing for this run's optimizer, or null when it applies. */
function notGdLike(run: CompiledRun, what: string): ReferenceResult | null {
  const p = marginNorm(run);
  if (p === 2) return null;
  const why = typeof p === "string" ? p : `the theorem is about gradient descent, not ${run.spec.optimizer.kind}`;
  return { kind: "none", predictor: null, error: `No reference for ${what}: ${why}` };
}

/** Deep linear nets trained by GD-like methods: the L2 max margin of their data (Ji & Telgarsky 2019). */
export function linearNetReference(run: CompiledRun): Promise<ReferenceResult> {
  const p = run.problem as LinearNet;
  return Promise.resolve(notGdLike(run, "a deep linear net") ?? maxMarginL2(p.z, p.data.d));
}

/**
 * Linear conv nets trained by GD-like methods: depth 1 is a linear model (L2 max margin), depth 2 the
 * ℓ1-DFT max margin (Gunasekar et al. 2018); deeper nets only reach a stationary point of a nonconvex problem.
 */
export function convNetReference(run: CompiledRun): Promise<ReferenceResult> {
  const p = run.problem as LinearConvNet, depth = p.options.depth;
  const none = notGdLike(run, "a convolutional net");
  if (none) return Promise.resolve(none);
  if (depth === 1) return maxMarginL2(p.z, p.data.d);
  if (depth === 2) return maxMarginDftL1(p.z, p.data.d);
  return Promise.resolve({
    kind: "none",
    predictor: null,
    error: `For a depth-${depth} convolutional net the limit direction is only a stationary point ` +
      `of the nonconvex min ‖DFT(β)‖_{2/L} problem (Gunasekar et al. 2018); no reference is computed`,
  });
}

/**
 * Matrix sensing trained by (S)GD from a small init: the minimum nuclear norm solution (Gunasekar et al. 2017);
 * with a classification loss (also normalized GD) the minimum nuclear norm max-margin matrix (Gunasekar et al. 2018).
 */
export function matrixSensingReference(run: CompiledRun): Promise<ReferenceResult> {
  const kind = run.spec.optimizer.kind, onebit = (run.problem as MatrixSensing).options.loss !== "squared";
  if (kind !== "gd" && kind !== "sgd" && !(onebit && kind === "normalized-gd")) {
    return Promise.resolve({
      kind: "none",
      predictor: null,
      error: onebit
        ? `No reference for matrix sensing with ${kind}: the max-margin limit (Gunasekar et al. 2018) is about ` +
          `gradient descent (and its normalized form) on a classification loss`
        : `No reference for matrix sensing with ${kind}: the minimum nuclear norm conjecture is about ` +
          `gradient descent with small steps from a small initialization`,
    });
  }
  return sensingReference(run.problem as MatrixSensing);
}
