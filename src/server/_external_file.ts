import { join } from "node:path";

/** `external.json`: marks a stored run as external (logged by the user's own loop) and keeps what it was sent with. */
export interface ExternalFileRecord {
  /** The name shown in the run table. */
  name: string;
  /** The user's hyperparameters. */
  config: Record<string, unknown>;
}

/** Writes a run's `external.json` (atomically). */
export function writeExternalFile(runDir: string, record: ExternalFileRecord): void {
  const path = join(runDir, "external.json");
  const tmp = `${path}.tmp-${crypto.randomUUID().slice(0, 8)}`;
  Deno.writeTextFileSync(tmp, JSON.stringify(record, null, 2) + "\n");
  Deno.renameSync(tmp, path);
}

/** Reads a run's `external.json`, or null when it has none (an internal run) or it is unreadable. */
export function readExternalFile(runDir: string): ExternalFileRecord | null {
  try {
    const raw = JSON.parse(Deno.readTextFileSync(join(runDir, "external.json")));
    if (typeof raw !== "object" || raw === null) return null;
    const config = typeof raw.config === "object" && raw.config !== null && !Array.isArray(raw.config)
      ? raw.config
      : {};
    return { name: typeof raw.name === "string" ? raw.name : "", config };
  } catch {
    return null;
  }
}
