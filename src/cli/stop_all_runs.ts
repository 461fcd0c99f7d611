import type { Runner } from "../server/create_runner.ts";

/**
 * Stops every queued or running run of a runner and waits until each has
 * ended (so a Ctrl-C on `serve` or `demo` leaves them `stopped` on disk, with
 * their final record, rather than `interrupted`).
 *
 * @param runner The server's runner.
 * @param timeoutMs How long to wait at most (the runner itself terminates a
 *   Worker that ignores the stop after its grace period).
 * @returns How many runs were asked to stop.
 *
 * @example Usage
 * ```ts
 * import { stopAllRuns } from "./stop_all_runs.ts";
 * import { createRunner } from "../server/create_runner.ts";
 * import { createRunStore } from "../store/run_store.ts";
 * import assert from "node:assert/strict";
 *
 * const runner = createRunner({ store: createRunStore(await Deno.makeTempDir()) });
 * assert.equal(await stopAllRuns(runner), 0);
 * runner.close();
 * ```
 */
export async function stopAllRuns(runner: Runner, timeoutMs = 5000): Promise<number> {
  const live = (id: string) => ["queued", "running"].includes(runner.summary(id)?.status ?? "");
  const ids = runner.list().map((r) => r.id).filter(live);
  for (const id of ids) runner.stop(id);
  const until = Date.now() + timeoutMs;
  while (ids.some(live) && Date.now() < until) await new Promise((r) => setTimeout(r, 25));
  return ids.length;
}
