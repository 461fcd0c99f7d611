/**
 * Where a run stands: the one status type of the store, the server, the CLI
 * and the viewer. A snapshot carries the subset a computing run can be in
 * (`running`, `done`, `diverged`, `stopped`); the server adds `queued` (waiting
 * for a Worker), `failed` (the computation threw) and `interrupted` (the
 * process died while it computed).
 */
export type RunState = "queued" | "running" | "done" | "stopped" | "diverged" | "failed" | "interrupted";

/**
 * The states after which a run never changes.
 *
 * @example Usage
 * ```ts
 * import { FINAL_STATES } from "./run_state.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(FINAL_STATES.has("done"), true);
 * assert.equal(FINAL_STATES.has("running"), false);
 * ```
 */
export const FINAL_STATES: ReadonlySet<RunState> = new Set(["done", "stopped", "diverged", "failed", "interrupted"]);
