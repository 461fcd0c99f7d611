import type { CompiledRun } from "../run/compile_run.ts";
import { PROBLEM_KERNELS } from "./kernels/problem_kernels.ts";
import type { ProblemKernel } from "./kernels/problem_kernel.ts";
import { GPU_OPTIMIZERS } from "./optimizers/gpu_optimizers.ts";
import type { GpuOptimizer } from "./optimizers/gpu_optimizer.ts";
import { mlpRoute } from "./_mlp_route.ts";

/** The optimizers the WebGPU drivers implement (every kind of `GPU_OPTIMIZERS`). */
export const WEBGPU_OPTIMIZERS: readonly string[] = Object.keys(GPU_OPTIMIZERS);

/**
 * Why a run cannot run on WebGPU (its problem kind has no kernel, the kernel
 * cannot bind its problem, e.g. a matrix too large for workgroup memory, or
 * its optimizer is not implemented there), or null when it can.
 *
 * @param run A compiled run.
 * @param kernels Kernels by problem kind (default: the built-in ones).
 * @param optimizers Update rules by optimizer kind (default: the built-in ones).
 * @returns A sentence for the user, or null.
 *
 * @example Usage
 * ```ts
 * import { webGpuUnsupported } from "./webgpu_unsupported.ts";
 * import { compileRun } from "../run/compile_run.ts";
 * import assert from "node:assert/strict";
 *
 * const run = compileRun({
 *   problem: { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } },
 *   steps: 10,
 * });
 * assert.equal(webGpuUnsupported(run), null);
 * ```
 */
export function webGpuUnsupported(
  run: CompiledRun,
  kernels: Readonly<Record<string, ProblemKernel>> = PROBLEM_KERNELS,
  optimizers: Readonly<Record<string, GpuOptimizer>> = GPU_OPTIMIZERS,
): string | null {
  const kernel = kernels[run.problem.kind];
  if (kernel === undefined) return `The WebGPU engine has no kernel for problem kind ${run.problem.kind}`;
  if (run.problem.kind === "mlp" && kernels === PROBLEM_KERNELS) {
    // Two kernels: the row kernel for small nets, the tiled one at any width (_mlp_route.ts chooses).
    const route = mlpRoute(run);
    if (route === "tiled") return null;
    if (route !== "rows") return route;
  }
  const why = kernel.unsupported?.(run.problem) ?? null;
  if (why !== null) return why;
  const rule = optimizers[run.spec.optimizer.kind];
  if (rule === undefined) return `The WebGPU engine does not implement optimizer ${run.spec.optimizer.kind}`;
  if (rule.problems && !rule.problems.includes(run.problem.kind)) {
    return `The WebGPU engine runs optimizer ${run.spec.optimizer.kind} only on ${rule.problems.join(", ")}`;
  }
  return null;
}
