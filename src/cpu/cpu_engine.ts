import type { CompiledRun } from "../run/compile_run.ts";
import type { Divergence, Engine, EngineState } from "../engine/engine.ts";
import { lpNorm } from "../math/lp_norm.ts";
import { createOptimizer } from "../optimizers/create_optimizer.ts";
import { createLinearGdKernel, type LinearGdKernelOptions } from "./kernels/linear_gd_kernel.ts";

/** Options of {@link createCpuEngine}. */
export interface CpuEngineOptions {
  /**
   * Use a fused WebAssembly kernel where one applies (default true). Its
   * iterates are bit-identical to the reference loop; false forces the loop.
   */
  kernels?: boolean;
  /**
   * Threads of the kernel (default `auto`: two on large enough data where
   * there are two cores, while they measure faster than one); see
   * {@link LinearGdKernelOptions}. Either way the iterates are the same.
   */
  threads?: LinearGdKernelOptions["threads"];
}

/**
 * The float64 CPU engine: the reference every other engine is tested against.
 * Each step is one pass over the data with no allocation; state is copied out
 * only on `read()`. Full-batch GD on linear classification runs in a
 * WebAssembly SIMD kernel ({@link createLinearGdKernel}) with the same
 * iterates, bit for bit, as the reference loop, on two threads where that
 * pays. `dispose()` ends the kernel's helper thread.
 *
 * @param run A compiled run.
 * @param options Whether to use the fused kernels.
 * @returns An engine at step 0.
 *
 * @example Usage
 * ```ts
 * import { createCpuEngine } from "./cpu_engine.ts";
 * import { compileRun } from "../run/compile_run.ts";
 * import assert from "node:assert/strict";
 *
 * const engine = createCpuEngine(compileRun({
 *   problem: { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } },
 *   steps: 100,
 * }));
 * await engine.advance(100);
 * const state = await engine.read();
 * assert.equal(state.step, 100);
 * assert.ok(state.loss < 16 * Math.log(2));
 * ```
 */
export function createCpuEngine(run: CompiledRun, options: CpuEngineOptions = {}): Engine {
  const { problem } = run;
  const params = run.init.slice();
  const optimizer = createOptimizer(problem, run.spec.optimizer);
  const kernel = options.kernels === false ? null : createLinearGdKernel(problem, run.spec.optimizer, {
    threads: options.threads ?? "auto",
  });
  const grad = new Float64Array(problem.size);
  let step = 0;
  let diverged: Divergence | null = null;
  let disposed = false;

  function advanceSync(k: number): void {
    if (disposed) throw new Error("Cannot advance a disposed engine");
    if (diverged) return;
    if (kernel) {
      const took = kernel.run(params, k);
      step += took;
      if (took < k) diverge();
      return;
    }
    for (let i = 0; i < k; i++) {
      if (!optimizer.step(params)) return diverge();
      step++;
    }
  }

  function diverge(): void {
    diverged = {
      step,
      message: `The gradient is not finite at step ${step} (loss overflow); try a smaller step size`,
    };
  }

  return {
    backend: "cpu",
    get step() {
      return step;
    },
    get diverged() {
      return diverged;
    },
    advance(k: number): Promise<void> {
      try {
        advanceSync(k);
        return Promise.resolve();
      } catch (e) {
        return Promise.reject(e);
      }
    },
    read(): Promise<EngineState> {
      const loss = problem.gradient(params, grad, true);
      return Promise.resolve({
        step,
        loss,
        gradNorm: lpNorm(grad, 2),
        params: { ...problem.params(params), ...(kernel ? kernel.state() : optimizer.state()) },
        predictor: problem.predictor(params),
      });
    },
    dispose() {
      disposed = true;
      kernel?.dispose();
    },
  };
}
