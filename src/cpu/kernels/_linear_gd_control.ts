import type { LinearGdExports } from "./_linear_gd_module.ts";

/** Slots (int32) of the control block shared by the two threads. */
export const CONTROL = { barrier: 0, generation: 1, seq: 2, state: 3, k: 4, quit: 5 } as const;

/** Bytes of the control block. */
export const CONTROL_BYTES = 64;

/** States of the worker thread. */
export const WORKER = { starting: 0, idle: 1, busy: 2, gone: 3 } as const;

/** How long an idle worker waits for a job before it leaves (ms). */
export const IDLE_MS = 1000;

/** What a worker is sent once. */
export interface LinearGdJob {
  /** The shared module. */
  readonly module: WebAssembly.Module;
  /** The kernel's shared memory. */
  readonly memory: WebAssembly.Memory;
  /** The worker's arguments of runShared, without tid and k (see {@link callShared}). */
  readonly args: readonly number[];
  /** Byte offset of the control block. */
  readonly ctrl: number;
}

/**
 * Calls runShared with `args` laid out as blocks … mu (18 numbers), then
 * bar, w0, buf0.
 */
export function callShared(exports: LinearGdExports, tid: number, args: readonly number[], k: number): number {
  const a = args as number[];
  return exports.runShared(
    tid,
    a[0]!,
    a[1]!,
    a[2]!,
    a[3]!,
    a[4]!,
    a[5]!,
    a[6]!,
    a[7]!,
    a[8]!,
    a[9]!,
    a[10]!,
    a[11]!,
    a[12]!,
    a[13]!,
    a[14]!,
    a[15]!,
    a[16]!,
    a[17]!,
    k,
    a[18]!,
    a[19]!,
    a[20]!,
  );
}
