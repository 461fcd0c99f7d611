/**
 * Clients of a biasflow server: stream your own training loop's snapshots to
 * it as an external run, analysed live like one of its own.
 *
 * @example Usage
 * ```ts ignore
 * import { remoteRun } from "@biasflow/biasflow/client";
 * mySnapshots$.subscribe(remoteRun("http://127.0.0.1:8000", spec, { name: "mine" }));
 * ```
 *
 * @module
 */
export * from "./remote_run.ts";
