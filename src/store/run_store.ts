import { join } from "node:path";
import { from, Observable } from "rxjs";
import type { FinalRecord } from "./final_record.ts";
import type { SnapshotRecord } from "./snapshot_record.ts";

/** Appends one run's records to `runs/<id>/`. */
export interface RunWriter {
  /** The run's id. */
  readonly id: string;
  /** The run's directory. */
  readonly dir: string;
  /** Appends one snapshot as one line of `events.ndjson` (a single write). */
  append(record: SnapshotRecord): void;
  /** Writes `final.json` (atomically) and closes the events file. */
  finish(record: FinalRecord): void;
  /** Closes the events file without a final record (the run stays `interrupted`). */
  close(): void;
}

/** A stored run, as read back. */
export interface StoredRun {
  /** The run's id. */
  readonly id: string;
  /** The spec as validated when the run started. */
  readonly spec: unknown;
  /** Every complete event line, in order. */
  readonly events: SnapshotRecord[];
  /** The final record, or null if the run never finished. */
  readonly final: FinalRecord | null;
}

/** A directory of runs: `<dir>/<id>/{spec.json, events.ndjson, final.json}`. */
export interface RunStore {
  /** The directory. */
  readonly dir: string;
  /** Creates a run's directory and writes its spec; fails if the id exists. */
  create(id: string, spec: unknown): RunWriter;
  /** Ids of the stored runs, sorted. */
  ids(): string[];
  /** Reads a run back; a torn last line (a crash mid-write) is ignored. */
  read(id: string): StoredRun;
  /** Replays a run's events as a stream. */
  replay(id: string): Observable<SnapshotRecord>;
  /** Deletes a run's directory and everything in it. */
  remove(id: string): void;
}

const encoder = new TextEncoder();

/**
 * Opens (without creating) a run store rooted at `dir`. Writes are synchronous
 * and line-atomic, so a crash loses at most the line being written, and
 * readers skip it.
 *
 * @param dir The directory of runs (created on the first run).
 * @returns The store.
 *
 * @example Usage
 * ```ts
 * import { createRunStore } from "./run_store.ts";
 * import assert from "node:assert/strict";
 *
 * const store = createRunStore(await Deno.makeTempDir());
 * const w = store.create("r1", { steps: 1 });
 * w.append({ type: "snapshot", run: "r1", step: 0, wall: 0, status: "running", trigger: "schedule", metrics: {} });
 * w.close();
 * assert.equal(store.read("r1").events.length, 1);
 * ```
 */
export function createRunStore(dir: string): RunStore {
  function runDir(id: string): string {
    if (!/^[\w.-]+$/.test(id) || id.startsWith(".")) {
      throw new TypeError(`Invalid run id ${JSON.stringify(id)}: use letters, digits, ., _ and -`);
    }
    return join(dir, id);
  }

  return {
    dir,
    create(id: string, spec: unknown): RunWriter {
      const rd = runDir(id);
      Deno.mkdirSync(dir, { recursive: true });
      Deno.mkdirSync(rd); // throws AlreadyExists: ids are never reused
      writeAtomic(join(rd, "spec.json"), JSON.stringify(spec, null, 2) + "\n");
      const file = Deno.openSync(join(rd, "events.ndjson"), { create: true, append: true });
      let open = true;
      function close(): void {
        if (open) file.close();
        open = false;
      }
      return {
        id,
        dir: rd,
        append(record: SnapshotRecord): void {
          if (!open) throw new Error(`Cannot append to run ${id}: it is closed`);
          writeAll(file, encoder.encode(JSON.stringify(record) + "\n"));
        },
        finish(record: FinalRecord): void {
          close();
          writeAtomic(join(rd, "final.json"), JSON.stringify(record, null, 2) + "\n");
        },
        close,
      };
    },
    ids(): string[] {
      try {
        return [...Deno.readDirSync(dir)].filter((e) => e.isDirectory).map((e) => e.name).sort();
      } catch (e) {
        if (e instanceof Deno.errors.NotFound) return [];
        throw e;
      }
    },
    read(id: string): StoredRun {
      const rd = runDir(id);
      const spec = JSON.parse(Deno.readTextFileSync(join(rd, "spec.json")));
      const events = parseEvents(readOptional(join(rd, "events.ndjson")) ?? "");
      const finalText = readOptional(join(rd, "final.json"));
      return { id, spec, events, final: finalText === null ? null : JSON.parse(finalText) as FinalRecord };
    },
    remove(id: string): void {
      Deno.removeSync(runDir(id), { recursive: true });
    },
    replay(id: string): Observable<SnapshotRecord> {
      return new Observable<SnapshotRecord>((subscriber) => from(this.read(id).events).subscribe(subscriber));
    },
  };
}

/**
 * Parses NDJSON event text: complete lines only; a last line without its
 * newline (torn by a crash) and unparsable lines are skipped.
 *
 * @param text The file's content.
 * @returns The records.
 *
 * @example Usage
 * ```ts
 * import { parseEvents } from "./run_store.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(parseEvents('{"type":"snapshot","step":0}\n{"type":"snap').length, 1);
 * ```
 */
export function parseEvents(text: string): SnapshotRecord[] {
  const lines = text.split("\n");
  lines.pop(); // "" after the last newline, or a torn line
  const out: SnapshotRecord[] = [];
  for (const line of lines) {
    if (line.trim() === "") continue;
    try {
      out.push(JSON.parse(line) as SnapshotRecord);
    } catch {
      // A line corrupted by a crash; the lines around it are still good.
    }
  }
  return out;
}

function readOptional(path: string): string | null {
  try {
    return Deno.readTextFileSync(path);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return null;
    throw e;
  }
}

function writeAll(file: Deno.FsFile, bytes: Uint8Array): void {
  let off = 0;
  while (off < bytes.length) off += file.writeSync(bytes.subarray(off));
}

function writeAtomic(path: string, text: string): void {
  const tmp = `${path}.tmp-${crypto.randomUUID().slice(0, 8)}`;
  Deno.writeTextFileSync(tmp, text);
  Deno.renameSync(tmp, path);
}
