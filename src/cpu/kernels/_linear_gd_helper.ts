import { Worker } from "node:worker_threads";
import { HELPER_ARGS, helperWords } from "./_linear_gd_helper_words.ts";

/** The helper thread of a kernel: a Worker that runs runB on the kernel's memory. */
export interface LinearGdHelper {
  /** Whether the helper is waiting for a job (it takes a moment to start). */
  ready(): boolean;
  /** Resolves true once the helper is ready, false if it failed to start. */
  whenReady(): Promise<boolean>;
  /** Starts runB with its arguments on the (ready) helper. */
  start(args: readonly number[]): void;
  /**
   * Blocks until the started job has returned.
   *
   * @throws {Error} When it has not within `timeoutMs` (the helper is then
   *   given up: it is never ready again).
   */
  finish(timeoutMs: number): void;
  /** Ends the helper thread. */
  dispose(): void;
}

/**
 * A helper thread for a kernel on a shared memory, started at once in the
 * background: a `node:worker_threads` Worker running `_linear_gd_worker.ts`,
 * unref'd so that it never keeps the process alive (a web Worker would, for
 * as long as it waits for jobs).
 *
 * @param memory The kernel's shared memory.
 * @returns The helper, or null where no Worker can be started.
 */
export function createLinearGdHelper(memory: WebAssembly.Memory): LinearGdHelper | null {
  const words = new Int32Array(memory.buffer);
  const HELPER_WORDS = helperWords();
  const args = new Float64Array(memory.buffer, HELPER_WORDS.args * 8, HELPER_ARGS);
  let worker: Worker;
  try {
    worker = new Worker(new URL("./_linear_gd_worker.ts", import.meta.url), { workerData: { memory } });
  } catch {
    return null; // e.g. no permission to read the worker's module
  }
  worker.unref();
  let broken = false;
  let jobs = Atomics.load(words, HELPER_WORDS.job);
  const failed = new Promise<false>((resolve) => {
    const fail = () => {
      broken = true;
      resolve(false);
    };
    worker.on("error", fail);
    worker.on("exit", fail);
  });

  async function whenReady(): Promise<boolean> {
    for (;;) {
      if (broken) return false;
      if (Atomics.load(words, HELPER_WORDS.ready) === 1) return true;
      const tick = new Promise<true>((resolve) => setTimeout(() => resolve(true), 5));
      if (!(await Promise.race([tick, failed]))) return false;
    }
  }

  return {
    ready: () => !broken && Atomics.load(words, HELPER_WORDS.ready) === 1,
    whenReady,
    start(values: readonly number[]): void {
      args.set(values);
      jobs = (jobs + 1) | 0;
      Atomics.store(words, HELPER_WORDS.job, jobs);
      Atomics.notify(words, HELPER_WORDS.job);
    },
    finish(timeoutMs: number): void {
      const deadline = performance.now() + timeoutMs;
      for (;;) {
        const ack = Atomics.load(words, HELPER_WORDS.ack);
        if (ack === jobs) return;
        const left = deadline - performance.now();
        if (left <= 0) {
          broken = true;
          void worker.terminate();
          throw new Error(`The kernel's helper thread did not finish its part of the run within ${timeoutMs} ms`);
        }
        Atomics.wait(words, HELPER_WORDS.ack, ack, left);
      }
    },
    dispose(): void {
      broken = true;
      void worker.terminate();
    },
  };
}
