import type { CompiledRun } from "./compile_run.ts";
import type { Engine } from "./engine.ts";
import { createCpuEngine } from "../cpu/cpu_engine.ts";

/**
 * Creates the engine a run asks for. `auto` chooses WebGPU only on a hardware
 * adapter, and the CPU engine otherwise.
 *
 * @param run A compiled run.
 * @returns An engine at step 0.
 *
 * @example Usage
 * ```ts
 * import { createEngine } from "./create_engine.ts";
 * import { compileRun } from "./compile_run.ts";
 * import assert from "node:assert/strict";
 *
 * const engine = await createEngine(compileRun({
 *   problem: { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } },
 *   steps: 10,
 *   backend: "cpu",
 * }));
 * assert.equal(engine.backend, "cpu");
 * ```
 */
export function createEngine(run: CompiledRun): Promise<Engine> {
  const backend = run.spec.backend;
  if (backend === "webgpu") {
    return Promise.reject(new Error("The WebGPU engine is not part of this build yet; use backend cpu or auto"));
  }
  return Promise.resolve(createCpuEngine(run));
}
