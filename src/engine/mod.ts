/**
 * The engine contract, alone: what an engine runs (a {@link ProblemBase}),
 * what it does (`Engine`: advance k steps, read state back) and what a run
 * emits (`Snapshot`). The CPU and WebGPU engines implement it; `src/backend/`
 * chooses between them.
 *
 * @example Usage
 * ```ts
 * import type { Engine, Snapshot } from "./mod.ts";
 * const done = (s: Snapshot) => s.status !== "running";
 * ```
 *
 * @module
 */
export * from "./engine.ts";
export * from "./problem_base.ts";
export * from "./snapshot.ts";
