import { linearClassificationKernel } from "./linear_classification.ts";
import { leastSquaresKernel } from "./least_squares.ts";
import { matrixSensingKernel } from "./matrix_sensing.ts";
import { linearNetKernel } from "./linear_net.ts";
import { linearConvNetKernel } from "./linear_conv_net.ts";
import { multiclassKernel } from "./multiclass.ts";
import { mlpKernel } from "./mlp.ts";
import type { ProblemKernel } from "./problem_kernel.ts";

/**
 * The WebGPU kernels by problem kind. A problem kind without an entry runs
 * on the CPU (`backend: "auto"`) or is refused (`backend: "webgpu"`).
 *
 * @example Usage
 * ```ts
 * import { PROBLEM_KERNELS } from "./problem_kernels.ts";
 * import assert from "node:assert/strict";
 *
 * assert.ok("linear-classification" in PROBLEM_KERNELS);
 * ```
 */
export const PROBLEM_KERNELS: Readonly<Record<string, ProblemKernel>> = {
  [linearClassificationKernel.kind]: linearClassificationKernel,
  [leastSquaresKernel.kind]: leastSquaresKernel,
  [matrixSensingKernel.kind]: matrixSensingKernel,
  [linearNetKernel.kind]: linearNetKernel,
  [linearConvNetKernel.kind]: linearConvNetKernel,
  [multiclassKernel.kind]: multiclassKernel,
  [mlpKernel.kind]: mlpKernel,
};
