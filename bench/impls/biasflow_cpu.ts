import { createCpuEngine } from "../../src/cpu/cpu_engine.ts";
import type { Engine } from "../../src/engine/engine.ts";
import type { Impl, Runner } from "./impl.ts";
import { logisticRun } from "./_logistic_run.ts";
import { sensingRun } from "./_sensing_run.ts";

/**
 * The biasflow float64 CPU engine (`createCpuEngine`, advanced k steps at a
 * time) on the workload's own data. With `kernels: false` it is forced onto
 * its reference loop, which is all there is for matrix sensing (no kernel).
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
    packedSensing: true,
    skip(w) {
      return Promise.resolve(
        w.kind === "sensing" && !options.kernels ? "no kernel for matrix sensing: the first column is its loop" : null,
      );
    },
    setup(w) {
      const engine = w.kind === "sensing"
        ? createCpuEngine(sensingRun(w))
        : createCpuEngine(logisticRun(w, "cpu", 1e15), { kernels: options.kernels });
      return Promise.resolve(engineRunner(engine, w.kind === "sensing" ? "U" : null));
    },
  };
}

function engineRunner(engine: Engine, param: string | null): Runner {
  return {
    async run(k) {
      const t0 = performance.now();
      await engine.advance(k);
      return (performance.now() - t0) / 1000;
    },
    async params() {
      const state = await engine.read();
      return param === null ? state.predictor.data : state.params[param]!.data;
    },
    dispose: () => engine.dispose(),
  };
}
