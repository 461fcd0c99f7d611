import { createEngine } from "../../src/backend/create_engine.ts";
import type { Engine } from "../../src/engine/engine.ts";
import { multiplyAddsPerStep, type Workload } from "../workloads/workload.ts";
import { gpuAdapter, SOFTWARE_ADAPTER_MAX_WORK } from "./gpu_adapter.ts";
import type { Impl } from "./impl.ts";
import { logisticRun } from "./_logistic_run.ts";
import { sensingRun } from "./_sensing_run.ts";
import type { CompiledRun } from "../../src/run/compile_run.ts";

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
  const probes = new Map<string, Promise<string | null>>();
  const runOf = (w: Workload, steps: number): CompiledRun =>
    w.kind === "logistic" ? logisticRun(w, "webgpu", steps) : sensingRun(w, "webgpu");
  return {
    id: "biasflow-webgpu",
    label: "biasflow WebGPU",
    bits: 32,
    packedSensing: true,
    async skip(w) {
      const adapter = await gpuAdapter();
      if (!adapter) return "no WebGPU adapter";
      if (!probes.has(w.kind)) {
        probes.set(
          w.kind,
          createEngine(runOf(w, 1)).then((e) => {
            e.dispose();
            return null;
          }, (e: unknown) => (e instanceof Error ? e.message : String(e))),
        );
      }
      const reason = await probes.get(w.kind)!;
      if (reason) return reason;
      if (adapter.software && multiplyAddsPerStep(w) > SOFTWARE_ADAPTER_MAX_WORK) {
        return `software adapter (${adapter.name}): skipped above ${SOFTWARE_ADAPTER_MAX_WORK} multiply-adds per step`;
      }
      return null;
    },
    async setup(w) {
      const engine: Engine = await createEngine(runOf(w, 1e15));
      return {
        async run(k) {
          const t0 = performance.now();
          await engine.advance(k);
          await engine.read(); // the GPU work is done when its results are back
          return (performance.now() - t0) / 1000;
        },
        async params() {
          const state = await engine.read();
          return w.kind === "logistic" ? state.predictor.data : state.params.U!.data;
        },
        dispose: () => engine.dispose(),
      };
    },
  };
}
