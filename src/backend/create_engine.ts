import type { CompiledRun } from "../run/compile_run.ts";
import type { Engine } from "../engine/engine.ts";
import { createEngines, type CreateEnginesOptions } from "./create_engines.ts";

/**
 * Creates the engine a run asks for. `auto` chooses WebGPU only on a hardware
 * adapter (and for problems and optimizers it implements), and the CPU engine
 * otherwise; `webgpu` on a software adapter works but warns once.
 *
 * @param run A compiled run.
 * @param options Where warnings go.
 * @returns An engine at step 0.
 * @throws {SpecError} when `backend: "webgpu"` asks for a problem or optimizer WebGPU does not implement.
 *
 * @example Usage
 * ```ts
 * import { createEngine } from "./create_engine.ts";
 * import { compileRun } from "../run/compile_run.ts";
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
export async function createEngine(run: CompiledRun, options: CreateEnginesOptions = {}): Promise<Engine> {
  return (await createEngines([run], options))[0]!;
}
