/**
 * The second thread of a two-thread linear_gd kernel: it instantiates the
 * shared module on the kernel's memory, then waits for jobs. A job is a bump
 * of the sequence word; the worker runs `runShared(1, …)` in lockstep with
 * the main thread (their barriers are in the memory) and marks itself idle.
 * After IDLE_MS without a job it leaves (so that it never keeps a process
 * alive), unless the main thread has just claimed it.
 *
 * @module
 */
import type { LinearGdExports } from "./_linear_gd_module.ts";
import { callShared, CONTROL, IDLE_MS, type LinearGdJob, WORKER } from "./_linear_gd_control.ts";

/** The worker global scope, typed for what is used here (the default lib types `self` as a window). */
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<LinearGdJob>) => void) | null;
  postMessage(message: string): void;
  close(): void;
};

scope.onmessage = (e: MessageEvent<LinearGdJob>) => {
  const { module, memory, args, ctrl } = e.data;
  const instance = new WebAssembly.Instance(module, { math: { exp: Math.exp }, env: { memory } });
  const exports = instance.exports as unknown as LinearGdExports;
  const i32 = new Int32Array(memory.buffer);
  const at = (slot: number) => ctrl / 4 + slot;
  let seq = Atomics.load(i32, at(CONTROL.seq));
  Atomics.store(i32, at(CONTROL.state), WORKER.idle);
  Atomics.notify(i32, at(CONTROL.state));
  scope.postMessage("ready");
  for (;;) {
    if (Atomics.wait(i32, at(CONTROL.seq), seq, IDLE_MS) === "timed-out") {
      if (Atomics.compareExchange(i32, at(CONTROL.state), WORKER.idle, WORKER.gone) === WORKER.idle) break;
      continue; // claimed just now: the job's sequence bump follows
    }
    seq = Atomics.load(i32, at(CONTROL.seq));
    if (Atomics.load(i32, at(CONTROL.quit))) break;
    callShared(exports, 1, args, Atomics.load(i32, at(CONTROL.k)));
    Atomics.store(i32, at(CONTROL.state), WORKER.idle);
    Atomics.notify(i32, at(CONTROL.state));
  }
  scope.postMessage("gone");
  scope.close();
};
