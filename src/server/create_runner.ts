import { join } from "node:path";
import { finalize, Observable, type Observer, Subject } from "rxjs";
import { writeNpy } from "../store/write_npy.ts";
import type { CompiledRun } from "../run/compile_run.ts";
import type { FinalRecord } from "../store/final_record.ts";
import { FINAL_STATUSES, type RunStatus } from "../store/run_status.ts";
import type { RunStore, RunWriter, StoredSummary } from "../store/run_store.ts";
import type { SnapshotRecord } from "../store/snapshot_record.ts";
import { createRunId } from "../streams/create_run_id.ts";
import type { ReferenceRecord, RunInput } from "./_worker_protocol.ts";
import { type ExternalFileRecord, readExternalFile } from "./_external_file.ts";

export type { ReferenceRecord, RunInput };

/** One line of `GET /api/runs`. */
export interface RunSummary {
  /** The run's id. */
  id: string;
  /** The spec's name, or the problem kind. */
  name: string;
  /** Where it stands. */
  status: RunStatus;
  /** Steps taken (at the last snapshot). */
  step: number;
  /** Steps asked for. */
  steps: number;
  /** When it was submitted (ISO 8601). */
  started: string;
  /** The metrics of the last snapshot (null for non-finite values). */
  metrics: Record<string, number | null>;
  /** For runs of a sweep: the swept field and this run's value. */
  sweep?: { path: string; value: unknown };
  /** Why it diverged, stopped or failed. */
  message?: string;
  /** For external runs (logged by the user's own loop): their hyperparameters, as sent. */
  external?: { config: Record<string, unknown> };
}

/** A live change of a run: a new snapshot, or a new status. */
export type RunEvent =
  | { type: "snapshot"; record: SnapshotRecord }
  | { type: "status"; status: RunStatus; step: number; message?: string };

/** Options of {@link createRunner}. */
export interface RunnerOptions {
  /** Where runs are stored; its past runs are listed at start (unfinished ones as `interrupted`). */
  store: RunStore;
  /** Runs computing at once (default 2). */
  maxConcurrentRuns?: number;
  /** The Worker module (default: the server's `_run_worker.ts`). */
  workerUrl?: URL;
  /** How long a stopped run may take to finish before its Worker is terminated, in ms (default 5000). */
  stopGraceMs?: number;
}

/** What a run to start is: its validated, compiled spec and, for a sweep's run, the swept field and value. */
export interface RunRequest {
  /** The compiled run. */
  run: CompiledRun;
  /** For runs of a sweep. */
  sweep?: { path: string; value: unknown };
  /** A chosen id (default: a fresh one); an id that exists is an error. */
  id?: string;
}

/** Options of {@link Runner.open}. */
export interface FeedOptions {
  /** The run's name (default: the spec's `name`, or its problem kind). */
  name?: string;
  /** Steps the run plans to take (default: the spec's `steps`, or 0). */
  steps?: number;
  /** For runs of a sweep. */
  sweep?: { path: string; value: unknown };
  /** Called once when the run is asked to stop (`POST /api/runs/:id/stop`); without it, stop ends the run at once. */
  onStop?: () => void;
  /** Called when the runner closes while the run is open. */
  onClose?: () => void;
  /** An external run: listed with its user's hyperparameters. */
  external?: { config: Record<string, unknown> };
  /** Reopens the stored run with this id (an interrupted external run) instead of creating one. */
  resume?: string;
}

/**
 * A run fed from outside the runner's Workers. `records` is the run's input
 * Subject: `next()` each {@link RunInput} (`reference`, then `snapshot`s in
 * step order, then one `final`, or `failed`); `error(e)` ends the run as
 * `failed` with `e.message`; `complete()` without a final record ends it as
 * `failed` too ("ended without a final record"). Every record is stored (one
 * line of `events.ndjson`) before it is broadcast.
 */
export interface RunFeed {
  /** The run's id. */
  readonly id: string;
  /** The run's input. */
  readonly records: Observer<RunInput>;
  /** Marks the run `interrupted` (its events file closed); `open(spec, { resume: id })` reopens it. */
  interrupt(message: string): void;
  /** Ends the run without a final record (`status.json`). */
  end(status: "failed" | "stopped", message: string): void;
}

/** Starts runs in Workers, queues them, tracks their state and broadcasts their events. */
export interface Runner {
  /** The store runs are written to. */
  readonly store: RunStore;
  /** Runs computing now. */
  readonly running: number;
  /** Runs waiting for a Worker. */
  readonly queued: number;
  /** Live subscriptions, over all runs. */
  readonly subscriptions: number;
  /** Stores a compiled run and queues it; returns its id. */
  start(run: CompiledRun, options?: { sweep?: { path: string; value: unknown }; id?: string }): string;
  /**
   * Stores several runs, then queues them, all or nothing: when one cannot be
   * created (a full disk, an id that exists) those already created are removed
   * and nothing is queued. Returns their ids, in order.
   */
  startAll(requests: readonly RunRequest[]): string[];
  /**
   * Opens a run whose records are computed elsewhere (e.g. a user's own
   * training loop posting them over HTTP): stored and listed like any run,
   * status `running`, streamed to `live(id)` subscribers as records arrive.
   */
  open(spec: unknown, options?: FeedOptions): RunFeed;
  /** Asks a queued or running run to stop; false when it had already ended. */
  stop(id: string): boolean;
  /** A run's summary, or null for an unknown id. */
  summary(id: string): RunSummary | null;
  /** Every run, newest first. */
  list(): RunSummary[];
  /** Deletes an ended run from the list and the store; false (and nothing deleted) while it is queued or running. */
  remove(id: string): boolean;
  /** The validated spec, final record and reference of a run. */
  detail(id: string): { spec: unknown; final: FinalRecord | null; reference: ReferenceRecord | null } | null;
  /**
   * A run's live events from now on (hot): each new snapshot (steps strictly
   * increasing) and each change of status; completes after a final status.
   * Completes at once for an ended or unknown run.
   */
  live(id: string): Observable<RunEvent>;
  /** Terminates every Worker; unfinished runs stay `interrupted` on disk. */
  close(): void;
}

interface Entry {
  summary: RunSummary;
  spec: unknown;
  final: FinalRecord | null;
  reference: ReferenceRecord | null;
  lastStep: number;
  live: Subject<RunEvent>;
  writer?: RunWriter;
  worker?: Worker;
  onStop?: () => void;
  onClose?: () => void;
  stopTimer?: ReturnType<typeof setTimeout>;
}

/** Tries at a fresh id when a generated one already exists on disk. */
const ID_ATTEMPTS = 8;

/**
 * Creates the runner behind the server: each run trains in its own Worker (at
 * most `maxConcurrentRuns` at once, the rest queued), so the event loop that
 * answers requests never computes. Each run has a Subject of live events:
 * records are appended to the store as they arrive (one line each), then
 * emitted to it.
 *
 * @param options The store and concurrency.
 * @returns The runner.
 *
 * @example Usage
 * ```ts
 * import { createRunner } from "./create_runner.ts";
 * import { createRunStore } from "../store/run_store.ts";
 * import { compileRun } from "../run/compile_run.ts";
 * import { filter, firstValueFrom } from "rxjs";
 * import assert from "node:assert/strict";
 *
 * const runner = createRunner({ store: createRunStore(await Deno.makeTempDir()) });
 * const id = runner.start(compileRun({
 *   problem: { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } },
 *   steps: 100,
 * }));
 * await firstValueFrom(runner.live(id).pipe(filter((e) => e.type === "status" && e.status === "done")));
 * assert.equal(runner.summary(id)!.step, 100);
 * runner.close();
 * ```
 */
export function createRunner(options: RunnerOptions): Runner {
  const { store } = options;
  const maxConcurrent = options.maxConcurrentRuns ?? 2;
  const workerUrl = options.workerUrl ?? new URL("./_run_worker.ts", import.meta.url);
  const stopGraceMs = options.stopGraceMs ?? 5000;
  const entries = new Map<string, Entry>();
  const queue: Entry[] = [];
  let running = 0;
  let subscriptions = 0;

  for (const id of store.ids()) {
    const stored = store.summary(id);
    if (stored === null) continue; // not a run directory
    if (stored.problem !== undefined) console.error(`Run ${id}: ${stored.problem}; listed as failed`);
    entries.set(id, fromStored(stored, readExternalFile(join(store.dir, id))));
  }

  function setStatus(entry: Entry, status: RunStatus, message?: string): void {
    entry.summary.status = status;
    if (message !== undefined) entry.summary.message = message;
    entry.live.next({
      type: "status",
      status,
      step: entry.summary.step,
      ...(message === undefined ? {} : { message }),
    });
    if (FINAL_STATUSES.has(status)) entry.live.complete();
  }

  function release(entry: Entry): void {
    if (entry.stopTimer !== undefined) clearTimeout(entry.stopTimer);
    if (entry.worker) {
      entry.worker.terminate();
      delete entry.worker;
      running--;
    }
    delete entry.writer;
    delete entry.onStop;
    delete entry.onClose;
    pump();
  }

  function endWithoutFinal(entry: Entry, status: "failed" | "stopped", message: string): void {
    try {
      entry.writer?.end({ status, step: entry.summary.step, message });
    } catch (e) {
      console.error(`Run ${entry.summary.id}: cannot write status.json: ${(e as Error).message}`);
    }
    setStatus(entry, status, message);
    release(entry);
  }

  function feed(entry: Entry, msg: RunInput): void {
    if (FINAL_STATUSES.has(entry.summary.status)) return;
    try {
      switch (msg.type) {
        case "reference":
          entry.reference = msg.reference;
          return;
        case "snapshot": {
          const record = msg.record;
          entry.writer!.append(record);
          entry.summary.step = record.step;
          entry.summary.metrics = jsonMetrics(record.metrics);
          if (record.step > entry.lastStep) {
            entry.lastStep = record.step;
            entry.live.next({ type: "snapshot", record });
          }
          return;
        }
        case "final":
          if (msg.params) { // an mlp's flat θ, for users who load it with numpy.load
            writeNpy(join(entry.writer!.dir, "params.npy"), { shape: [msg.params.length], data: msg.params });
          }
          entry.writer!.finish(msg.record);
          entry.final = msg.record;
          entry.summary.step = msg.record.step;
          entry.summary.metrics = jsonMetrics(msg.record.metrics);
          setStatus(entry, msg.record.status, msg.record.message);
          release(entry);
          return;
        case "failed":
          endWithoutFinal(entry, "failed", msg.message);
          return;
      }
    } catch (e) {
      endWithoutFinal(entry, "failed", `Cannot store the run's records: ${(e as Error).message}`);
    }
  }

  function input(entry: Entry): Observer<RunInput> {
    return {
      next: (msg) => feed(entry, msg),
      error: (e) => feed(entry, { type: "failed", message: e instanceof Error ? e.message : String(e) }),
      complete: () => feed(entry, { type: "failed", message: "The run's records ended without a final record" }),
    };
  }

  function launch(entry: Entry): void {
    const worker = new Worker(workerUrl, { type: "module", name: `run ${entry.summary.id}` });
    entry.worker = worker;
    running++;
    const records = input(entry);
    worker.onmessage = (e: MessageEvent<RunInput>) => records.next(e.data);
    worker.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      records.error(new Error(e.message));
    };
    worker.postMessage({
      type: "start",
      id: entry.summary.id,
      spec: entry.spec,
      ...(entry.summary.sweep ? { sweep: entry.summary.sweep } : {}),
    });
    setStatus(entry, "running");
  }

  function pump(): void {
    while (running < maxConcurrent && queue.length > 0) launch(queue.shift()!);
  }

  /** Creates the run's directory under a fresh id (retried if taken) or the given one. */
  function create(spec: unknown, name: string, id?: string): RunWriter {
    if (id !== undefined) return store.create(id, spec);
    for (let attempt = 1;; attempt++) {
      try {
        return store.create(createRunId(name), spec);
      } catch (e) {
        if (!(e instanceof Deno.errors.AlreadyExists) || attempt >= ID_ATTEMPTS) throw e;
      }
    }
  }

  function newEntry(writer: RunWriter, spec: unknown, name: string, steps: number, sweep?: RunRequest["sweep"]): Entry {
    const entry: Entry = {
      summary: {
        id: writer.id,
        name,
        status: "queued",
        step: 0,
        steps,
        started: new Date().toISOString(),
        metrics: {},
        ...(sweep ? { sweep } : {}),
      },
      spec,
      final: null,
      reference: null,
      lastStep: -1,
      live: new Subject<RunEvent>(),
      writer,
    };
    entries.set(writer.id, entry);
    return entry;
  }

  function startAll(requests: readonly RunRequest[]): string[] {
    const writers: RunWriter[] = [];
    try {
      for (const r of requests) writers.push(create(r.run.spec, r.run.spec.name ?? r.run.spec.problem.kind, r.id));
    } catch (e) {
      for (const w of writers) {
        w.close();
        store.discard(w.id);
      }
      throw e;
    }
    const added = requests.map((r, i) =>
      newEntry(writers[i]!, r.run.spec, r.run.spec.name ?? r.run.spec.problem.kind, r.run.spec.steps, r.sweep)
    );
    queue.push(...added);
    pump();
    return added.map((e) => e.summary.id);
  }

  return {
    store,
    get running() {
      return running;
    },
    get queued() {
      return queue.length;
    },
    get subscriptions() {
      return subscriptions;
    },
    start(run, opts = {}) {
      return startAll([{ run, ...opts }])[0]!;
    },
    startAll,
    open(spec, opts = {}) {
      const s = spec as { name?: unknown; steps?: unknown; problem?: { kind?: unknown } };
      const name = opts.name ?? (typeof s.name === "string" ? s.name : String(s.problem?.kind ?? "run"));
      const steps = opts.steps ?? (typeof s.steps === "number" ? s.steps : 0);
      let entry: Entry;
      if (opts.resume !== undefined) {
        const stored = entries.get(opts.resume);
        if (!stored || stored.summary.status !== "interrupted") {
          throw new TypeError(`Cannot resume run ${opts.resume}: it is ${stored?.summary.status ?? "unknown"}`);
        }
        entry = stored;
        entry.writer = store.open(entry.summary.id);
        entry.live = new Subject<RunEvent>(); // the interrupted one completed
        delete entry.summary.message;
      } else entry = newEntry(create(spec, name), spec, name, steps, opts.sweep);
      if (opts.onStop) entry.onStop = opts.onStop;
      if (opts.onClose) entry.onClose = opts.onClose;
      if (opts.external) entry.summary.external = opts.external;
      setStatus(entry, "running");
      const e = entry;
      return {
        id: e.summary.id,
        records: input(e),
        interrupt(message) {
          if (FINAL_STATUSES.has(e.summary.status)) return;
          e.writer?.close();
          delete e.writer;
          setStatus(e, "interrupted", message);
        },
        end: (status, message) => {
          if (!FINAL_STATUSES.has(e.summary.status)) endWithoutFinal(e, status, message);
        },
      };
    },
    stop(id) {
      const entry = entries.get(id);
      if (!entry || FINAL_STATUSES.has(entry.summary.status)) return false;
      const queuedAt = queue.indexOf(entry);
      if (queuedAt >= 0) {
        queue.splice(queuedAt, 1);
        endWithoutFinal(entry, "stopped", "Stopped by request before it started");
        return true;
      }
      if (!entry.worker) {
        if (entry.onStop) entry.onStop();
        else endWithoutFinal(entry, "stopped", `Stopped by request at step ${entry.summary.step}`);
        return true;
      }
      entry.worker.postMessage({ type: "stop" });
      entry.stopTimer ??= setTimeout(() => {
        if (!FINAL_STATUSES.has(entry.summary.status)) {
          endWithoutFinal(entry, "stopped", `Stopped by request at step ${entry.summary.step} (Worker terminated)`);
        }
      }, stopGraceMs);
      return true;
    },
    summary(id) {
      const entry = entries.get(id);
      return entry ? structuredClone(entry.summary) : null;
    },
    list() {
      return [...entries.values()].map((e) => structuredClone(e.summary))
        .sort((a, b) => (a.started < b.started ? 1 : a.started > b.started ? -1 : a.id < b.id ? 1 : -1));
    },
    remove(id) {
      const entry = entries.get(id);
      if (!entry || !FINAL_STATUSES.has(entry.summary.status)) return false;
      store.remove(id);
      entries.delete(id);
      entry.live.complete(); // open event streams of the deleted run end
      return true;
    },
    detail(id) {
      const entry = entries.get(id);
      if (!entry) return null;
      return { spec: entry.spec, final: entry.final, reference: entry.reference ?? entry.final?.reference ?? null };
    },
    live(id) {
      return new Observable<RunEvent>((subscriber) => {
        const entry = entries.get(id);
        if (!entry) return subscriber.complete();
        subscriptions++;
        return entry.live.pipe(finalize(() => subscriptions--)).subscribe(subscriber);
      });
    },
    close() {
      queue.length = 0;
      for (const entry of entries.values()) {
        if (entry.stopTimer !== undefined) clearTimeout(entry.stopTimer);
        entry.onClose?.();
        entry.worker?.terminate();
        entry.writer?.close();
        if (entry.worker) running--;
        delete entry.worker;
        delete entry.writer;
      }
    },
  };
}

function jsonMetrics(metrics: Record<string, number | null>): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const [k, v] of Object.entries(metrics)) out[k] = typeof v === "number" && Number.isFinite(v) ? v : null;
  return out;
}

/** A stored run's entry: finished runs as they ended, unfinished ones `interrupted`, corrupt ones `failed`. */
function fromStored(stored: StoredSummary, external: ExternalFileRecord | null): Entry {
  const { id, final, end, last } = stored;
  const spec = (typeof stored.spec === "object" && stored.spec !== null ? stored.spec : {}) as {
    name?: unknown;
    steps?: unknown;
    problem?: { kind?: unknown };
  };
  let status: RunStatus = final ? final.status : end ? end.status : "interrupted";
  let message = final?.message ?? end?.message ??
    (status === "interrupted" ? "The server stopped while this run was computing" : undefined);
  if (stored.problem !== undefined) {
    status = "failed";
    message = `The run's files are corrupt: ${stored.problem}`;
  }
  const live = new Subject<RunEvent>();
  live.complete();
  return {
    summary: {
      id,
      name: typeof spec.name === "string" ? spec.name : typeof spec.problem?.kind === "string" ? spec.problem.kind : id,
      status,
      step: final?.step ?? last?.step ?? end?.step ?? 0,
      steps: typeof spec.steps === "number" ? spec.steps : 0,
      started: stored.started,
      metrics: jsonMetrics(final?.metrics ?? last?.metrics ?? {}),
      ...(last?.sweep ? { sweep: last.sweep } : {}),
      ...(message === undefined ? {} : { message }),
      ...(external ? { external: { config: external.config } } : {}),
    },
    spec: stored.spec,
    final,
    reference: final?.reference ?? null,
    lastStep: last?.step ?? -1,
    live,
  };
}
