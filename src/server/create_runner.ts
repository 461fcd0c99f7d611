import { join } from "node:path";
import type { CompiledRun } from "../run/compile_run.ts";
import type { FinalRecord } from "../store/final_record.ts";
import type { RunStore, RunWriter } from "../store/run_store.ts";
import type { SnapshotRecord } from "../store/snapshot_record.ts";
import { createRunId } from "../streams/create_run_id.ts";
import { readStatusFile, writeStatusFile } from "./_status_file.ts";
import type { FromWorker, ReferenceRecord } from "./_worker_protocol.ts";

/** Where a run stands, as the server reports it. */
export type RunState = "queued" | "running" | "done" | "stopped" | "diverged" | "failed" | "interrupted";

/** States after which a run never changes. */
export const FINAL_STATES: ReadonlySet<RunState> = new Set(["done", "stopped", "diverged", "failed", "interrupted"]);

/** One line of `GET /api/runs`. */
export interface RunSummary {
  /** The run's id. */
  id: string;
  /** The spec's name, or the problem kind. */
  name: string;
  /** Where it stands. */
  status: RunState;
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
}

/** A live change of a run: a new snapshot, or a new status. */
export type RunEvent =
  | { type: "snapshot"; record: SnapshotRecord }
  | { type: "status"; status: RunState; step: number; message?: string };

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
  /** Calls `listener` on each live event of a run until the returned function is called. */
  subscribe(id: string, listener: (event: RunEvent) => void): () => void;
  /** Terminates every Worker; unfinished runs stay `interrupted` on disk. */
  close(): void;
}

interface Entry {
  summary: RunSummary;
  spec: unknown;
  final: FinalRecord | null;
  reference: ReferenceRecord | null;
  lastStep: number;
  writer?: RunWriter;
  worker?: Worker;
  stopTimer?: ReturnType<typeof setTimeout>;
}

/**
 * Creates the runner behind the server: each run trains in its own Worker (at
 * most `maxConcurrentRuns` at once, the rest queued), so the event loop that
 * answers requests never computes. Records are appended to the store as they
 * arrive (one line each), then broadcast to subscribers.
 *
 * @param options The store and concurrency.
 * @returns The runner.
 *
 * @example Usage
 * ```ts
 * import { createRunner } from "./create_runner.ts";
 * import { createRunStore } from "../store/run_store.ts";
 * import { compileRun } from "../run/compile_run.ts";
 * import assert from "node:assert/strict";
 *
 * const runner = createRunner({ store: createRunStore(await Deno.makeTempDir()) });
 * const id = runner.start(compileRun({
 *   problem: { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } },
 *   steps: 100,
 * }));
 * await new Promise<void>((done) => runner.subscribe(id, (e) => e.type === "status" && e.status === "done" && done()));
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
  const listeners = new Map<string, Set<(event: RunEvent) => void>>();
  const queue: Entry[] = [];
  let running = 0;
  let subscriptions = 0;

  for (const id of store.ids()) {
    const entry = loadStored(store, id);
    if (entry) entries.set(id, entry);
  }

  function emit(id: string, event: RunEvent): void {
    for (const listener of listeners.get(id) ?? []) {
      try {
        listener(event);
      } catch (e) {
        console.error(`A listener of run ${id} threw: ${(e as Error).message}`);
      }
    }
  }

  function setStatus(entry: Entry, status: RunState, message?: string): void {
    entry.summary.status = status;
    if (message !== undefined) entry.summary.message = message;
    emit(entry.summary.id, {
      type: "status",
      status,
      step: entry.summary.step,
      ...(message === undefined ? {} : { message }),
    });
  }

  function release(entry: Entry): void {
    if (entry.stopTimer !== undefined) clearTimeout(entry.stopTimer);
    if (entry.worker) {
      entry.worker.terminate();
      delete entry.worker;
      running--;
    }
    delete entry.writer;
    pump();
  }

  function endWithoutFinal(entry: Entry, status: "failed" | "stopped", message: string): void {
    entry.writer?.close();
    if (entry.writer) writeStatusFile(entry.writer.dir, { status, step: entry.summary.step, message });
    setStatus(entry, status, message);
    release(entry);
  }

  function onMessage(entry: Entry, msg: FromWorker): void {
    if (FINAL_STATES.has(entry.summary.status)) return;
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
          emit(entry.summary.id, { type: "snapshot", record });
        }
        return;
      }
      case "final":
        entry.writer!.finish(msg.record);
        entry.final = msg.record;
        entry.summary.step = msg.record.step;
        entry.summary.metrics = jsonMetrics(msg.record.metrics);
        setStatus(entry, msg.record.status as RunState, msg.record.message);
        release(entry);
        return;
      case "failed":
        endWithoutFinal(entry, "failed", msg.message);
        return;
    }
  }

  function launch(entry: Entry): void {
    const worker = new Worker(workerUrl, { type: "module", name: `run ${entry.summary.id}` });
    entry.worker = worker;
    running++;
    worker.onmessage = (e: MessageEvent<FromWorker>) => onMessage(entry, e.data);
    worker.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      if (!FINAL_STATES.has(entry.summary.status)) endWithoutFinal(entry, "failed", e.message);
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
      const name = run.spec.name ?? run.spec.problem.kind;
      const id = opts.id ?? createRunId(name);
      const writer = store.create(id, run.spec);
      const entry: Entry = {
        summary: {
          id,
          name,
          status: "queued",
          step: 0,
          steps: run.spec.steps,
          started: new Date().toISOString(),
          metrics: {},
          ...(opts.sweep ? { sweep: opts.sweep } : {}),
        },
        spec: run.spec,
        final: null,
        reference: null,
        lastStep: -1,
        writer,
      };
      entries.set(id, entry);
      queue.push(entry);
      pump();
      return id;
    },
    stop(id) {
      const entry = entries.get(id);
      if (!entry || FINAL_STATES.has(entry.summary.status)) return false;
      const queuedAt = queue.indexOf(entry);
      if (queuedAt >= 0) {
        queue.splice(queuedAt, 1);
        endWithoutFinal(entry, "stopped", "Stopped by request before it started");
        return true;
      }
      entry.worker?.postMessage({ type: "stop" });
      entry.stopTimer ??= setTimeout(() => {
        if (!FINAL_STATES.has(entry.summary.status)) {
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
      if (!entry || !FINAL_STATES.has(entry.summary.status)) return false;
      store.remove(id);
      entries.delete(id);
      return true;
    },
    detail(id) {
      const entry = entries.get(id);
      if (!entry) return null;
      return { spec: entry.spec, final: entry.final, reference: entry.reference ?? entry.final?.reference ?? null };
    },
    subscribe(id, listener) {
      let set = listeners.get(id);
      if (!set) listeners.set(id, set = new Set());
      const own = (event: RunEvent) => listener(event);
      set.add(own);
      subscriptions++;
      let active = true;
      return () => {
        if (!active) return;
        active = false;
        subscriptions--;
        set.delete(own);
        if (set.size === 0) listeners.delete(id);
      };
    },
    close() {
      queue.length = 0;
      for (const entry of entries.values()) {
        if (entry.stopTimer !== undefined) clearTimeout(entry.stopTimer);
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

function loadStored(store: RunStore, id: string): Entry | null {
  let stored;
  try {
    stored = store.read(id);
  } catch {
    return null; // not a run directory (no spec.json) or unreadable
  }
  const spec = stored.spec as { name?: string; steps?: number; problem?: { kind?: string } };
  const last = stored.events.at(-1);
  const final = stored.final;
  const statusFile = final ? null : readStatusFile(join(store.dir, id));
  let started: string;
  try {
    started = Deno.statSync(join(store.dir, id, "spec.json")).mtime?.toISOString() ?? new Date(0).toISOString();
  } catch {
    started = new Date(0).toISOString();
  }
  const status: RunState = final ? final.status as RunState : statusFile ? statusFile.status : "interrupted";
  const message = final?.message ?? statusFile?.message ??
    (status === "interrupted" ? "The server stopped while this run was computing" : undefined);
  const sweep = last?.sweep;
  return {
    summary: {
      id,
      name: spec.name ?? spec.problem?.kind ?? id,
      status,
      step: final?.step ?? last?.step ?? 0,
      steps: spec.steps ?? 0,
      started,
      metrics: jsonMetrics(final?.metrics ?? last?.metrics ?? {}),
      ...(sweep ? { sweep } : {}),
      ...(message === undefined ? {} : { message }),
    },
    spec: stored.spec,
    final,
    reference: final?.reference ?? null,
    lastStep: last?.step ?? -1,
  };
}
