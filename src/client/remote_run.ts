import type { Observer } from "rxjs";
import { LogThinner } from "./_log_thinner.ts";

/** What a remote run takes from each value of your Observable: a biasflow `Snapshot` fits. */
export interface RemoteSnapshot {
  /** Steps taken (strictly increasing). */
  readonly step: number;
  /** Seconds since the run started (default: since `remoteRun` was called). */
  readonly wall?: number;
  /** Your metrics (non-finite values are sent as null). */
  readonly metrics?: Readonly<Record<string, number>>;
  /** The end-to-end predictor, shaped like the problem's. */
  readonly predictor?: { readonly shape: readonly number[]; readonly data: ArrayLike<number> };
  /** A biasflow snapshot's status: `stopped` and `diverged` end the remote run as stopped and failed. */
  readonly status?: string;
  /** Why the run stopped or diverged. */
  readonly message?: string;
}

/** Options of {@link remoteRun}. */
export interface RemoteRunOptions {
  /** Shown in the run table. */
  name?: string;
  /** Your hyperparameters, shown in the run table. */
  config?: Record<string, unknown>;
  /** The server's token (sent as `Authorization: Bearer`). */
  token?: string;
  /** Log-spaced records kept per decade of steps (default 20; null keeps every value). */
  perDecade?: number | null;
  /** Heartbeat: a value is also kept when this many ms passed since the last kept one (default 1000; 0: off). */
  everyMs?: number;
  /** Most records waiting to be sent; past it new ones are dropped and counted (default 10000). */
  maxBuffer?: number;
  /** Longest wait between retries while the server cannot be reached, in ms (default 30000). */
  maxBackoffMs?: number;
  /** Called with each problem (unreachable server, rejected record, drops); default `console.warn`. */
  onProblem?: (message: string) => void;
  /** The fetch to use (tests). */
  fetch?: typeof fetch;
}

/** How a remote run ended, from the client's side. */
export interface RemoteRunResult {
  /** The run's id on the server. */
  id: string;
  /** The status the run was finished with. */
  status: "done" | "failed" | "stopped";
  /** Whether the server confirmed it. */
  confirmed: boolean;
  /** Records the server stored. */
  sent: number;
  /** Records dropped (buffer full, or the server gave up on the run). */
  dropped: number;
  /** Records the server rejected (it names the field in `problems`). */
  rejected: number;
  /** What went wrong, in order. */
  problems: string[];
}

/** An RxJS observer that streams your snapshots to a biasflow server as an external run. */
export interface RemoteRun extends Observer<RemoteSnapshot> {
  /** The run's id, once the server created it. */
  readonly id: Promise<string>;
  /** Settles after `complete()` or `error()` once everything is sent and the run is finished on the server. */
  readonly done: Promise<RemoteRunResult>;
}

const RETRYABLE = new Set([408, 425, 429, 500, 502, 503, 504]);

/**
 * Streams an Observable of snapshots — your own training loop, or a biasflow
 * `train()` — to a biasflow server as an external run, which analyses each
 * record against the problem's reference like one of its own runs:
 * `myObservable.subscribe(remoteRun(url, spec))`. Values are thinned by the log
 * schedule, queued (never blocking `next`), and sent in batches in the
 * background, with retries and backoff while the server cannot be reached;
 * `complete()` flushes and marks the run `done` (`error()`: `failed`).
 *
 * @param url The server, e.g. `http://127.0.0.1:8000`.
 * @param spec The run spec: its `problem` (inline data) is what the server analyses against.
 * @param options Name, config, token, thinning and buffering.
 * @returns The observer, with `id` and `done` promises.
 *
 * @example Usage
 * ```ts
 * import { remoteRun } from "./remote_run.ts";
 * import { startServer } from "../server/start_server.ts";
 * import { train } from "../streams/train.ts";
 * import assert from "node:assert/strict";
 *
 * const server = await startServer({ port: 0, runsDir: await Deno.makeTempDir(), viewer: false });
 * const spec = { problem: { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } }, steps: 1000 };
 * const run = remoteRun(server.url, spec, { name: "local GD, watched remotely" });
 * train(spec).subscribe(run);
 * const result = await run.done;
 * assert.equal(result.status, "done");
 * assert.equal(server.runner.summary(result.id)!.status, "done");
 * await server.close();
 * ```
 */
export function remoteRun(url: string, spec: unknown, options: RemoteRunOptions = {}): RemoteRun {
  const base = url.replace(/\/+$/, "");
  const doFetch = options.fetch ?? fetch;
  const thinner = new LogThinner(options.perDecade === undefined ? 20 : options.perDecade, options.everyMs ?? 1000);
  const maxBuffer = options.maxBuffer ?? 10_000;
  const maxBackoff = options.maxBackoffMs ?? 30_000;
  const onProblem = options.onProblem ?? ((m: string) => console.warn(`biasflow: ${m}`));
  const t0 = performance.now();
  const buffer: { step: number; record: Record<string, unknown> }[] = [];
  const result = { sent: 0, dropped: 0, rejected: 0, problems: [] as string[] };
  let lastStep = -1;
  let pendingLast: Record<string, unknown> | null = null;
  let ending: { status: "done" | "failed" | "stopped"; message?: string } | null = null;
  let fatal: string | null = null;
  let wake: (() => void) | null = null;

  function problem(message: string): void {
    if (result.problems.length < 100) result.problems.push(message);
    onProblem(message);
  }

  async function call(path: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
    const res = await doFetch(`${base}${path}`, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
      },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    let json: Record<string, unknown> = {};
    try {
      json = text === "" ? {} : JSON.parse(text);
    } catch {
      json = { error: text.slice(0, 200) };
    }
    return { status: res.status, json };
  }

  const id = call("/api/runs", {
    external: true,
    spec,
    ...(options.name === undefined ? {} : { name: options.name }),
    ...(options.config === undefined ? {} : { config: options.config }),
  }).then(({ status, json }) => {
    if (status !== 201) throw new Error(`The server refused the run (HTTP ${status}): ${json.error}`);
    return json.id as string;
  });
  id.catch(() => {}); // reported through done

  function toRecord(s: RemoteSnapshot, trigger: string): Record<string, unknown> {
    const metrics: Record<string, number | null> = {};
    for (const [k, v] of Object.entries(s.metrics ?? {})) metrics[k] = Number.isFinite(v) ? v : null;
    return {
      step: s.step,
      wall: Math.round((s.wall ?? (performance.now() - t0) / 1000) * 1e6) / 1e6,
      trigger,
      metrics,
      ...(s.predictor
        ? {
          predictor: {
            shape: [...s.predictor.shape],
            data: Array.from(s.predictor.data, (v) => (Number.isFinite(v) ? v : null)),
          },
        }
        : {}),
    };
  }

  function enqueue(step: number, record: Record<string, unknown>): void {
    if (fatal !== null) return;
    if (buffer.length >= maxBuffer) {
      if (result.dropped++ === 0) {
        problem(`The send buffer is full (${maxBuffer} records): dropping from step ${step} on`);
      }
      return;
    }
    buffer.push({ step, record });
    wake?.();
  }

  async function sleep(ms: number): Promise<void> {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    wake = null;
  }

  async function sendLoop(): Promise<RemoteRunResult> {
    let runId: string;
    try {
      runId = await id;
    } catch (e) {
      fatal = (e as Error).message;
      problem(fatal);
      while (ending === null) await sleep(1000);
      result.dropped += buffer.length;
      return { id: "", status: ending.status, confirmed: false, ...result };
    }
    let backoff = 0;
    const path = `/api/runs/${encodeURIComponent(runId)}`;
    while (true) {
      if (buffer.length === 0) {
        if (ending !== null) break;
        await sleep(200);
        continue;
      }
      const batch = buffer.slice(0, 256);
      let answer;
      try {
        answer = await call(`${path}/records`, { records: batch.map((b) => b.record) });
      } catch (e) {
        answer = { status: 0, json: { error: (e as Error).message } };
      }
      if (answer.status === 200) {
        backoff = 0;
        buffer.splice(0, batch.length);
        result.sent += Number(answer.json.accepted ?? 0);
        continue;
      }
      if (answer.status === 0 || RETRYABLE.has(answer.status)) {
        backoff = Math.min(maxBackoff, Math.max(250, backoff * 2));
        problem(`Cannot send to ${base} (${answer.status || "unreachable"}: ${answer.json.error}); retrying`);
        await sleep(backoff);
        continue;
      }
      if (answer.status === 400 || answer.status === 413 || answer.status === 422) {
        const issues = (answer.json.issues ?? []) as { path?: string }[];
        const named = issues.map((i) => /^records\[(\d+)\]/.exec(i.path ?? "")).find((m) => m !== null);
        const bad = named ? Number(named[1]) : -1;
        const gone = bad >= 0 && bad < batch.length ? 1 : batch.length;
        buffer.splice(bad >= 0 && bad < batch.length ? bad : 0, gone);
        result.rejected += gone;
        problem(`The server rejected step ${batch[Math.max(bad, 0)]!.step}: ${answer.json.error}`);
        continue;
      }
      fatal = `Giving up on run ${runId} (HTTP ${answer.status}): ${answer.json.error}`;
      problem(fatal);
      result.dropped += buffer.length;
      buffer.length = 0;
      break;
    }
    while (ending === null) await sleep(1000);
    if (fatal !== null) return { id: runId, status: ending.status, confirmed: false, ...result };
    for (backoff = 250;; backoff = Math.min(maxBackoff, backoff * 2)) {
      try {
        const { status, json } = await call(`${path}/finish`, ending);
        if (status === 200) return { id: runId, status: ending.status, confirmed: true, ...result };
        if (!RETRYABLE.has(status)) {
          problem(`Could not finish run ${runId} (HTTP ${status}): ${json.error}`);
          return { id: runId, status: ending.status, confirmed: false, ...result };
        }
      } catch {
        // unreachable: retry
      }
      await sleep(backoff);
    }
  }

  function end(status: "done" | "failed" | "stopped", message?: string): void {
    if (ending !== null) return;
    if (pendingLast !== null) enqueue(pendingLast.step as number, pendingLast);
    pendingLast = null;
    ending = message === undefined ? { status } : { status, message };
    wake?.();
  }

  const done = sendLoop();
  return {
    id,
    done,
    next(s) {
      if (ending !== null) return;
      if (!(Number.isInteger(s.step) && s.step > lastStep)) {
        problem(
          `Ignored a snapshot of step ${s.step}: steps must be integers that increase (the last was ${lastStep})`,
        );
        return;
      }
      lastStep = s.step;
      const trigger = thinner.keep(s.step, performance.now());
      if (trigger === null) {
        pendingLast = toRecord(s, "end");
        return;
      }
      pendingLast = null;
      enqueue(s.step, toRecord(s, trigger));
      if (s.status === "stopped") end("stopped", s.message);
      if (s.status === "diverged") end("failed", `Diverged: ${s.message ?? `at step ${s.step}`}`);
    },
    error(err) {
      end("failed", err instanceof Error ? err.message : String(err));
    },
    complete() {
      end("done");
    },
  };
}
