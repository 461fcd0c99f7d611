/**
 * The run store: append-only NDJSON under `runs/<id>/`, crash-safe by line,
 * replayable; and the JSON records shared by the store, the CLI and the server.
 *
 * @example Usage
 * ```ts
 * import { createRunStore } from "./mod.ts";
 * const store = createRunStore("runs");
 * console.log(store.ids());
 * ```
 *
 * @module
 */
export * from "./snapshot_record.ts";
export * from "./final_record.ts";
export * from "./run_store.ts";
export * from "./run_status.ts";
