import type { CompiledRun } from "../run/compile_run.ts";
import type { Engine } from "../engine/engine.ts";
import { createCpuEngine } from "../cpu/cpu_engine.ts";
import { gpuAdapterKind } from "../webgpu/device.ts";
import { createWebGpuEngines } from "../webgpu/create_webgpu_engines.ts";
import { webGpuUnsupported } from "../webgpu/webgpu_unsupported.ts";
import { SpecError } from "../spec/spec_error.ts";

/** Options of {@link createEngines}. */
export interface CreateEnginesOptions {
  /** Where warnings go (default: `console.warn`); a software adapter is warned about once per call. */
  warn?: (message: string) => void;
}

/**
 * Creates the engines several runs ask for (each by its `backend`): `cpu`,
 * `webgpu`, or `auto`, which chooses WebGPU only on a hardware adapter and
 * for problems and optimizers it implements, and the CPU engine otherwise.
 * WebGPU runs of the same problem share one batch (K workgroups of one
 * dispatch), each with its own engine, so a sweep costs one dispatch per
 * chunk of steps.
 *
 * @param runs Compiled runs.
 * @param options Where warnings go.
 * @returns One engine per run, in order, each at step 0.
 * @throws {SpecError} when `backend: "webgpu"` asks for a problem or optimizer WebGPU does not implement.
 *
 * @example Usage
 * ```ts
 * import { createEngines } from "./create_engines.ts";
 * import { sweepRuns } from "../streams/sweep.ts";
 * import assert from "node:assert/strict";
 *
 * const runs = sweepRuns({
 *   problem: { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } },
 *   steps: 10,
 *   backend: "cpu",
 * }, "optimizer.lr", [0.1, 0.2]);
 * const engines = await createEngines(runs);
 * assert.deepEqual(engines.map((e) => e.backend), ["cpu", "cpu"]);
 * ```
 */
export async function createEngines(
  runs: readonly CompiledRun[],
  options: CreateEnginesOptions = {},
): Promise<Engine[]> {
  const onGpu = await Promise.all(runs.map(wantsWebGpu));
  const gpuRuns = runs.filter((_, i) => onGpu[i]);
  if (gpuRuns.length > 0 && runs.some((run, i) => onGpu[i] && run.spec.backend === "webgpu")) {
    const { kind, name } = await gpuAdapterKind();
    if (kind === "software") {
      (options.warn ?? console.warn)(
        `WebGPU runs on a software adapter (${name}): expect it to be slower than the CPU engine`,
      );
    }
  }
  const gpuEngines = gpuRuns.length > 0 ? await createWebGpuEngines(gpuRuns) : [];
  let g = 0;
  return runs.map((run, i) => onGpu[i] ? gpuEngines[g++]! : createCpuEngine(run));
}

async function wantsWebGpu(run: CompiledRun): Promise<boolean> {
  const backend = run.spec.backend;
  if (backend === "cpu") return false;
  const why = webGpuUnsupported(run);
  if (backend === "webgpu") {
    if (why !== null) throw new SpecError([{ path: "backend", message: `${why}; use backend cpu`, input: backend }]);
    return true;
  }
  return why === null && (await gpuAdapterKind()).kind === "hardware";
}
