import { join } from "node:path";

/** How a run ended without a final record: it failed, or was stopped before it started. */
export interface StatusFileRecord {
  /** `failed` or `stopped`. */
  status: "failed" | "stopped";
  /** Steps taken before it ended. */
  step: number;
  /** What happened, for the user. */
  message: string;
}

/** Writes `status.json` beside a run's events (atomically). */
export function writeStatusFile(runDir: string, record: StatusFileRecord): void {
  const path = join(runDir, "status.json");
  const tmp = `${path}.tmp-${crypto.randomUUID().slice(0, 8)}`;
  Deno.writeTextFileSync(tmp, JSON.stringify(record, null, 2) + "\n");
  Deno.renameSync(tmp, path);
}

/** Reads a run's `status.json`, or null when it has none. */
export function readStatusFile(runDir: string): StatusFileRecord | null {
  try {
    return JSON.parse(Deno.readTextFileSync(join(runDir, "status.json"))) as StatusFileRecord;
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return null;
    throw e;
  }
}
