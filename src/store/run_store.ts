import { join } from "node:path";
import { from, Observable } from "rxjs";
import type { FinalRecord } from "./final_record.ts";
import type { SnapshotRecord } from "./snapshot_record.ts";

/** How a run ended without a final record (`status.json`): it failed, or was stopped before it computed. */
export interface EndRecord {
  /** `failed` or `stopped`. */
  status: "failed" | "stopped";
  /** Steps taken before it ended. */
  step: number;
  /** What happened, for the user. */
  message: string;
}

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
  /** Closes the events file and writes `status.json` (atomically): the run failed or was stopped without a final record. */
  end(record: EndRecord): void;
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

/**
 * What a listing needs of a stored run, read without parsing its events: the
 * spec, the final or end record, the last snapshot (from the end of
 * `events.ndjson`) and when it started.
 */
export interface StoredSummary {
  /** The run's id. */
  readonly id: string;
  /** The spec, or null when `spec.json` cannot be read (see `problem`). */
  readonly spec: unknown;
  /** `final.json`, or null. */
  readonly final: FinalRecord | null;
  /** `status.json`, or null. */
  readonly end: EndRecord | null;
  /** The last complete snapshot record, or null. */
  readonly last: SnapshotRecord | null;
  /** When the run was created (ISO 8601, from `spec.json`'s modification time). */
  readonly started: string;
  /** Set when one of the run's files is corrupt: a sentence naming the file and what is wrong with it. */
  readonly problem?: string;
}

/** A directory of runs: `<dir>/<id>/{spec.json, events.ndjson, final.json | status.json}`. */
export interface RunStore {
  /** The directory. */
  readonly dir: string;
  /** Creates a run's directory (exclusively) and writes its spec; throws `Deno.errors.AlreadyExists` if the id exists. */
  create(id: string, spec: unknown): RunWriter;
  /** Removes a run that was created but never started (e.g. the rest of a sweep that could not be created whole). */
  discard(id: string): void;
  /**
   * Reopens a stored run to append more events (an external run resumed after
   * a restart); a torn last line is cut off first so the next line starts clean.
   */
  open(id: string): RunWriter;
  /** Ids of the stored runs, sorted. */
  ids(): string[];
  /** Reads a run back; a torn last line (a crash mid-write) and corrupt lines are skipped. */
  read(id: string): StoredRun;
  /** A run's summary without reading its events, or null when `id` is not a run (no `spec.json`). */
  summary(id: string): StoredSummary | null;
  /**
   * A run's snapshot records with step > `after` (default: all), read from the
   * file as the consumer iterates; torn and corrupt lines are skipped. Stopping
   * the iteration closes the file. A missing events file (or a directory in its place) has no records.
   */
  events(id: string, options?: { after?: number }): AsyncIterable<SnapshotRecord>;
  /** Replays a run's events as a stream. */
  replay(id: string): Observable<SnapshotRecord>;
  /** Deletes a run's directory and everything in it. */
  remove(id: string): void;
}

const encoder = new TextEncoder();

/** The tail of `events.ndjson` read first when looking for its last record. */
const TAIL_BYTES = 64 * 1024;

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
 * assert.equal(store.summary("r1")!.last!.step, 0);
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
      let file: Deno.FsFile;
      try {
        writeAtomic(join(rd, "spec.json"), JSON.stringify(spec, null, 2) + "\n");
        file = Deno.openSync(join(rd, "events.ndjson"), { create: true, append: true });
      } catch (e) {
        Deno.removeSync(rd, { recursive: true }); // nothing half-written: a run without its spec is no run
        throw e;
      }
      return writerFor(id, rd, file);
    },
    open(id: string): RunWriter {
      const rd = runDir(id);
      Deno.statSync(join(rd, "spec.json")); // throws NotFound for an unknown run
      const events = join(rd, "events.ndjson");
      const text = readOptional(events);
      if (text !== null && text !== "" && !text.endsWith("\n")) {
        Deno.truncateSync(events, encoder.encode(text.slice(0, text.lastIndexOf("\n") + 1)).length);
      }
      return writerFor(id, rd, Deno.openSync(events, { create: true, append: true }));
    },
    discard(id: string): void {
      Deno.removeSync(runDir(id), { recursive: true });
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
    summary(id: string): StoredSummary | null {
      const rd = runDir(id);
      const problems: string[] = [];
      let specText: string | null;
      try {
        specText = readOptional(join(rd, "spec.json"));
      } catch (e) {
        specText = null;
        problems.push(`spec.json cannot be read: ${(e as Error).message}`);
      }
      if (specText === null && problems.length === 0) return null; // not a run directory
      const spec = specText === null ? null : readJson(specText, "spec.json", isObject, problems);
      const final = readJsonFile(join(rd, "final.json"), "final.json", isFinalRecord, problems);
      const end = final ? null : readJsonFile(join(rd, "status.json"), "status.json", isEndRecord, problems);
      let last: SnapshotRecord | null = null;
      try {
        last = lastRecord(join(rd, "events.ndjson"));
      } catch (e) {
        problems.push(`events.ndjson cannot be read: ${(e as Error).message}`);
      }
      let started = new Date(0).toISOString();
      try {
        started = Deno.statSync(join(rd, "spec.json")).mtime?.toISOString() ?? started;
      } catch { /* no spec.json: reported above */ }
      return {
        id,
        spec,
        final,
        end,
        last,
        started,
        ...(problems.length === 0 ? {} : { problem: problems.join("; ") }),
      };
    },
    events(id: string, options: { after?: number } = {}): AsyncIterable<SnapshotRecord> {
      const path = join(runDir(id), "events.ndjson");
      const after = options.after ?? -1;
      return {
        async *[Symbol.asyncIterator]() {
          let file: Deno.FsFile;
          try {
            file = await Deno.open(path);
          } catch (e) {
            if (e instanceof Deno.errors.NotFound) return;
            throw e;
          }
          if (!(await file.stat()).isFile) {
            file.close();
            return; // not a file (summary() names the problem): no records
          }
          let rest = "";
          for await (const chunk of file.readable.pipeThrough(new TextDecoderStream())) {
            const lines = (rest + chunk).split("\n");
            rest = lines.pop()!; // incomplete: wait for its newline (a torn last line never gets one)
            for (const line of lines) {
              const record = parseRecord(line);
              if (record !== null && record.step > after) yield record;
            }
          }
        },
      };
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
 * newline (torn by a crash), unparsable lines and lines that are not snapshot
 * records (`null`, a number, an object without a step) are skipped.
 *
 * @param text The file's content.
 * @returns The records.
 *
 * @example Usage
 * ```ts
 * import { parseEvents } from "./run_store.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(parseEvents('{"type":"snapshot","step":0}\nnull\n{"type":"snap').length, 1);
 * ```
 */
export function parseEvents(text: string): SnapshotRecord[] {
  const lines = text.split("\n");
  lines.pop(); // "" after the last newline, or a torn line
  const out: SnapshotRecord[] = [];
  for (const line of lines) {
    const record = parseRecord(line);
    if (record !== null) out.push(record);
  }
  return out;
}

function parseRecord(line: string): SnapshotRecord | null {
  if (line.trim() === "") return null;
  try {
    const value: unknown = JSON.parse(line);
    return isSnapshotRecord(value) ? value : null;
  } catch {
    return null; // a line corrupted by a crash; the lines around it are still good
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isSnapshotRecord(value: unknown): value is SnapshotRecord {
  return isObject(value) && (value.type === undefined || value.type === "snapshot") && typeof value.step === "number" &&
    Number.isFinite(value.step) && (value.metrics === undefined || isObject(value.metrics));
}

function isFinalRecord(value: unknown): value is FinalRecord {
  return isObject(value) && value.type === "final" && typeof value.status === "string" &&
    typeof value.step === "number" && isObject(value.metrics);
}

function isEndRecord(value: unknown): value is EndRecord {
  return isObject(value) && (value.status === "failed" || value.status === "stopped") &&
    typeof value.step === "number" && typeof value.message === "string";
}

function readJson<T>(text: string, name: string, valid: (v: unknown) => v is T, problems: string[]): T | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    problems.push(`${name} is not valid JSON (${(e as Error).message})`);
    return null;
  }
  if (!valid(value)) {
    problems.push(`${name} is not a ${name.replace(".json", "")} record (saw ${JSON.stringify(value).slice(0, 60)})`);
    return null;
  }
  return value;
}

function readJsonFile<T>(path: string, name: string, valid: (v: unknown) => v is T, problems: string[]): T | null {
  let text: string | null;
  try {
    text = readOptional(path);
  } catch (e) {
    problems.push(`${name} cannot be read: ${(e as Error).message}`);
    return null;
  }
  return text === null ? null : readJson(text, name, valid, problems);
}

/** The last complete snapshot record of an events file, reading its end first (and more only if needed). */
function lastRecord(path: string): SnapshotRecord | null {
  let file: Deno.FsFile;
  try {
    file = Deno.openSync(path);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return null;
    throw e;
  }
  try {
    const size = file.statSync().size;
    for (let window = TAIL_BYTES;; window *= 4) {
      const start = Math.max(0, size - window);
      const bytes = new Uint8Array(size - start);
      file.seekSync(start, Deno.SeekMode.Start);
      let off = 0;
      while (off < bytes.length) {
        const n = file.readSync(bytes.subarray(off));
        if (n === null) break;
        off += n;
      }
      const lines = new TextDecoder().decode(bytes.subarray(0, off)).split("\n");
      lines.pop(); // torn or empty
      if (start > 0) lines.shift(); // cut by the window
      for (let i = lines.length - 1; i >= 0; i--) {
        const record = parseRecord(lines[i]!);
        if (record !== null) return record;
      }
      if (start === 0) return null;
    }
  } finally {
    file.close();
  }
}

function writerFor(id: string, rd: string, file: Deno.FsFile): RunWriter {
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
    end(record: EndRecord): void {
      close();
      writeAtomic(join(rd, "status.json"), JSON.stringify(record, null, 2) + "\n");
    },
    close,
  };
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
  try {
    Deno.writeTextFileSync(tmp, text);
    Deno.renameSync(tmp, path);
  } catch (e) {
    try {
      Deno.removeSync(tmp);
    } catch { /* never written */ }
    throw e;
  }
}
