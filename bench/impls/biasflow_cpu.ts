import { createCpuEngine } from "../../src/cpu/cpu_engine.ts";
import { sensingKernel } from "../workloads/sensing_kernel.ts";
import type { Impl } from "./impl.ts";
import { timeSync } from "./impl.ts";
import { logisticRun } from "./_logistic_run.ts";

/**
 * The biasflow float64 CPU engine (`createCpuEngine`, advanced k steps at a
 * time). With `kernels: false` it is forced onto its reference loop. Matrix
 * sensing is not a biasflow problem on this branch: its row uses the
 * bench-local kernel of the same style ({@link sensingKernel}).
 *
 * @param options Whether the engine may use its WebAssembly kernels.
 * @returns The implementation.
 *
 * @example Usage
 * ```ts
 * import { biasflowCpu } from "./biasflow_cpu.ts";
 * import { workloads } from "../workloads/workload.ts";
 *
 * const runner = await biasflowCpu({ kernels: true }).setup(workloads("d=2")[0]!);
 * await runner.run(100);
 * ```
 */
export function biasflowCpu(options: { kernels: boolean }): Impl {
  return {
    id: options.kernels ? "biasflow-cpu" : "biasflow-cpu-loop",
    label: options.kernels ? "biasflow CPU" : "biasflow CPU, reference loop",
    bits: 64,
    skip(w) {
      return Promise.resolve(
        w.kind === "sensing" && !options.kernels ? "no matrix sensing problem in src/ on this branch" : null,
      );
    },
    setup(w) {
      if (w.kind === "sensing") {
        const kernel = sensingKernel(w.data, w.lr);
        return Promise.resolve({
          run: (k) => Promise.resolve(timeSync(() => kernel.step(k))),
          params: () => Promise.resolve(kernel.u.slice()),
          dispose() {},
        });
      }
      const engine = createCpuEngine(logisticRun(w, "cpu", 1e15), { kernels: options.kernels });
      return Promise.resolve({
        async run(k) {
          const t0 = performance.now();
          await engine.advance(k);
          return (performance.now() - t0) / 1000;
        },
        async params() {
          return (await engine.read()).predictor.data;
        },
        dispose: () => engine.dispose(),
      });
    },
  };
}
