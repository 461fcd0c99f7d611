import { Observable } from "rxjs";
import { type CompiledRun, compileRun } from "../run/compile_run.ts";
import { createEngine } from "../backend/create_engine.ts";
import type { Engine } from "../engine/engine.ts";
import { createRunId } from "./create_run_id.ts";
import { logSchedule } from "./log_schedule.ts";
import type { Snapshot, SnapshotStatus, SnapshotTrigger } from "../engine/snapshot.ts";
import { yieldToEventLoop } from "./_yield_to_event_loop.ts";

/** Options of {@link train}. */
export interface TrainOptions {
  /** The run's id (default: made from the spec's name and the time). */
  runId?: string;
  /** Aborting ends the run early with a last snapshot of status `stopped`. */
  signal?: AbortSignal;
  /** Makes the engine (default: {@link createEngine}, by the spec's backend). */
  engine?: (run: CompiledRun) => Engine | Promise<Engine>;
  /** Directory against which relative data paths resolve. */
  baseDir?: string;
  /** Longest stretch of computation between yields to the event loop, in ms (default 20). */
  sliceMs?: number;
  /** Marks the snapshots as one run of a sweep. */
  sweep?: { path: string; value: unknown };
}

/**
 * Trains a run and streams its snapshots: step 0, the log-spaced recording
 * steps (`record.perDecade` per decade), wall-clock heartbeats every
 * `record.everyMs` in between, and a last snapshot whose status says how the
 * run ended (`done`, `diverged` or `stopped`).
 *
 * The stream is cold: each subscription trains afresh. Computation runs in
 * slices of at most `sliceMs` between yields to the event loop, so
 * unsubscribing stops it within a slice; nothing is buffered: each snapshot is
 * handed to the subscriber as it is read.
 *
 * @param spec A run spec (validated here) or a {@link CompiledRun}.
 * @param options Run id, abort signal, engine factory.
 * @returns The cold stream of snapshots, with empty `metrics` (add them with operators).
 *
 * @example Usage
 * ```ts
 * import { train } from "./train.ts";
 * import { lastValueFrom } from "rxjs";
 * import assert from "node:assert/strict";
 *
 * const last = await lastValueFrom(train({
 *   problem: { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } },
 *   optimizer: { kind: "gd", lr: 0.05 },
 *   steps: 1000,
 * }));
 * assert.equal(last.status, "done");
 * assert.equal(last.step, 1000);
 * ```
 */
export function train(spec: unknown, options: TrainOptions = {}): Observable<Snapshot> {
  return new Observable<Snapshot>((subscriber) => {
    let closed = false;
    let engine: Engine | null = null;

    async function run(): Promise<void> {
      const compiled = compileRun(spec, options.baseDir === undefined ? {} : { baseDir: options.baseDir });
      const { steps, record } = compiled.spec;
      const id = options.runId ?? createRunId(compiled.spec.name ?? compiled.spec.problem.kind);
      const made = await (options.engine ?? createEngine)(compiled);
      engine = made;
      if (closed) return;
      const sliceMs = options.sliceMs ?? 20;
      const schedule = logSchedule(steps, record.perDecade);
      const started = performance.now();
      let lastEmit = started;

      async function emit(status: SnapshotStatus, trigger: SnapshotTrigger, message?: string): Promise<void> {
        const state = await made.read();
        if (closed) return;
        const now = performance.now();
        lastEmit = now;
        subscriber.next({
          ...state,
          run: id,
          wall: (now - started) / 1000,
          status,
          trigger,
          ...(message === undefined ? {} : { message }),
          ...(options.sweep ? { sweep: options.sweep } : {}),
          metrics: {},
        });
      }

      await emit("running", "schedule");
      let chunk = 1;
      // The quickest advance seen: a GPU engine's fixed cost per advance (a
      // readback), which chunks must outgrow (near 0 on the CPU engine).
      let overhead = Infinity;
      let sliceStart = performance.now();
      for (let si = 1; si < schedule.length; si++) {
        const target = schedule[si]!;
        while (made.step < target) {
          if (closed) return;
          if (options.signal?.aborted) {
            await emit("stopped", "end", `Stopped by request at step ${made.step}`);
            subscriber.complete();
            return;
          }
          const k = Math.min(chunk, target - made.step);
          const t0 = performance.now();
          await made.advance(k);
          const t1 = performance.now();
          if (made.diverged) {
            await emit("diverged", "end", made.diverged.message);
            subscriber.complete();
            return;
          }
          overhead = Math.min(overhead, t1 - t0);
          if (k === chunk) {
            const aim = Math.max(0.5 * sliceMs, 4 * overhead);
            const grow = t1 - t0 <= 0 ? 4 : Math.min(4, aim / (t1 - t0));
            chunk = Math.max(1, Math.min(2 ** 30, Math.round(chunk * grow)));
          }
          if (record.everyMs > 0 && t1 - lastEmit >= record.everyMs && made.step < target) {
            await emit("running", "heartbeat");
          }
          if (performance.now() - sliceStart >= sliceMs) {
            await yieldToEventLoop();
            sliceStart = performance.now();
          }
        }
        const last = si === schedule.length - 1;
        await emit(last ? "done" : "running", last ? "end" : "schedule");
      }
      subscriber.complete();
    }

    run().catch((e) => {
      if (!closed) subscriber.error(e);
    }).finally(() => {
      engine?.dispose();
    });
    return () => {
      closed = true;
    };
  });
}
