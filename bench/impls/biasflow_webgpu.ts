import { createEngine } from "../../src/engine/create_engine.ts";
import type { Engine } from "../../src/engine/engine.ts";
import { multiplyAddsPerStep } from "../workloads/workload.ts";
import { gpuAdapter, SOFTWARE_ADAPTER_MAX_WORK } from "./gpu_adapter.ts";
import type { Impl } from "./impl.ts";
import { logisticRun } from "./_logistic_run.ts";

/**
 * The biasflow WebGPU engine through `createEngine` with backend `webgpu`.
 * It is skipped, with the engine's own reason, where the build has no WebGPU
 * engine or there is no adapter, so it runs as soon as the engine exists.
 *
 * @returns The implementation.
 *
 * @example Usage
 * ```ts
 * import { biasflowWebgpu } from "./biasflow_webgpu.ts";
 * import { workloads } from "../workloads/workload.ts";
 *
 * console.log(await biasflowWebgpu().skip(workloads("d=2")[0]!));
 * ```
 */
export function biasflowWebgpu(): Impl {
  let probe: Promise<string | null> | undefined;
  return {
    id: "biasflow-webgpu",
    label: "biasflow WebGPU",
    bits: 32,
    async skip(w) {
      if (w.kind !== "logistic") return "no matrix sensing problem in src/ on this branch";
      const adapter = await gpuAdapter();
      if (!adapter) return "no WebGPU adapter";
      probe ??= createEngine(logisticRun(w, "webgpu", 1)).then((e) => {
        e.dispose();
        return null;
      }, (e: unknown) => (e instanceof Error ? e.message : String(e)));
      const reason = await probe;
      if (reason) return reason;
      if (adapter.software && multiplyAddsPerStep(w) > SOFTWARE_ADAPTER_MAX_WORK) {
        return `software adapter (${adapter.name}): skipped above ${SOFTWARE_ADAPTER_MAX_WORK} multiply-adds per step`;
      }
      return null;
    },
    async setup(w) {
      if (w.kind !== "logistic") throw new TypeError(`biasflow WebGPU runs the logistic workload, not ${w.kind}`);
      const engine: Engine = await createEngine(logisticRun(w, "webgpu", 1e15));
      return {
        async run(k) {
          const t0 = performance.now();
          await engine.advance(k);
          await engine.read(); // the GPU work is done when its results are back
          return (performance.now() - t0) / 1000;
        },
        async params() {
          return (await engine.read()).predictor.data;
        },
        dispose: () => engine.dispose(),
      };
    },
  };
}
