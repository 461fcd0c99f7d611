import type { SnapshotStatus } from "../engine/snapshot.ts";

/**
 * Where a stored run stands, over its whole life: what its training stream
 * reports (`running`, then `done`, `diverged` or `stopped`), plus the states
 * only a run store or server sees: `queued` (admitted, not started), `failed`
 * (the run threw) and `interrupted` (its process ended without a final
 * record). The one status type shared by the store, the CLI, the server and
 * the viewer.
 */
export type RunStatus = SnapshotStatus | "queued" | "failed" | "interrupted";

/**
 * The statuses after which a run never changes again.
 *
 * @example Usage
 * ```ts
 * import { FINAL_STATUSES } from "./run_status.ts";
 * import assert from "node:assert/strict";
 *
 * assert.ok(FINAL_STATUSES.has("done") && !FINAL_STATUSES.has("running"));
 * ```
 */
export const FINAL_STATUSES: ReadonlySet<RunStatus> = new Set<RunStatus>([
  "done",
  "stopped",
  "diverged",
  "failed",
  "interrupted",
]);
