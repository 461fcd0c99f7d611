import { expTable } from "./_exp_table.ts";
import { LINEAR_GD_WASM_BASE64 } from "./_linear_gd_wasm.ts";

/** The exports of linear_gd/*.wat, with the memory they share. */
export interface LinearGdExports {
  /** The instance's memory: shared, imported, sized by the host. */
  readonly memory: WebAssembly.Memory;
  /** Runs up to k steps on one thread; returns how many were taken. See linear_gd/30_run.wat. */
  run(
    blocks: number,
    nb: number,
    cb: number,
    tail: number,
    nt: number,
    d: number,
    dp: number,
    w: number,
    g: number,
    buf: number,
    sbuf: number,
    expLoss: number,
    fast: number,
    mean: number,
    scale: number,
    rule: number,
    lr: number,
    mu: number,
    k: number,
  ): number;
  /** The host thread's part of a two-thread run. See linear_gd/40_threads.wat. */
  runA(
    blocks: number,
    nb: number,
    cb: number,
    tail: number,
    nt: number,
    d: number,
    dp: number,
    w: number,
    g: number,
    buf: number,
    ua: number,
    ub: number,
    expLoss: number,
    fast: number,
    mean: number,
    scale: number,
    rule: number,
    lr: number,
    mu: number,
    k: number,
    pa: number,
    capMs: number,
  ): number;
  /** The helper thread's part of a two-thread run. See linear_gd/40_threads.wat. */
  runB(
    blocks: number,
    nb: number,
    cb: number,
    dp: number,
    w: number,
    g: number,
    gb: number,
    ua: number,
    ub: number,
    expLoss: number,
    fast: number,
    k: number,
    pa: number,
  ): void;
  /** The kernel's exp of one number (`fast` 0: the imported Math.exp). */
  exp(x: number, fast: number): number;
}

/**
 * Bytes [0, HEADER_BYTES) of the memory hold the exp table, constants,
 * scratch and the words the two threads share (linear_gd/00_layout.wat).
 */
export const HEADER_BYTES = 3072;

/** The largest memory the kernel declares: 2 GiB (32768 pages of 64 KiB). */
export const MAX_MEMORY_BYTES = 2 ** 31;

let compiled: WebAssembly.Module | null | undefined;
let table: Float64Array | undefined;
let fastExp: boolean | undefined;

/**
 * The compiled kernel module, or null where the host lacks WebAssembly SIMD
 * or threads (shared memory).
 *
 * @returns The module.
 */
export function linearGdModule(): WebAssembly.Module | null {
  if (compiled !== undefined) return compiled;
  try {
    const bytes = Uint8Array.from(atob(LINEAR_GD_WASM_BASE64), (c) => c.charCodeAt(0));
    compiled = WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
  } catch {
    compiled = null; // no WebAssembly, SIMD or threads
  }
  return compiled;
}

/**
 * A fresh instance of the kernel on a new shared memory of at least `bytes`
 * bytes (at least the header) with the exp table in place, or on `memory`
 * as it is; null where the host lacks WebAssembly SIMD or threads.
 *
 * @param bytes The size the memory needs (ignored with `memory`).
 * @param memory An existing memory of the kernel's (a helper thread's view).
 * @returns The instance's exports and memory.
 */
export function instantiateLinearGd(bytes = HEADER_BYTES, memory?: WebAssembly.Memory): LinearGdExports | null {
  const module = linearGdModule();
  if (module === null) return null;
  if (bytes > MAX_MEMORY_BYTES) {
    throw new RangeError(`The kernel's memory is limited to 2 GiB (asked for ${bytes} bytes)`);
  }
  let mem = memory;
  if (mem === undefined) {
    mem = new WebAssembly.Memory({
      initial: Math.ceil(Math.max(bytes, HEADER_BYTES) / 65536),
      maximum: 32768,
      shared: true,
    });
    table ??= expTable();
    new Float64Array(mem.buffer, 0, table.length).set(table);
  }
  const instance = new WebAssembly.Instance(module, {
    env: { memory: mem },
    math: { exp: Math.exp, now: () => performance.now() },
  });
  return { ...(instance.exports as unknown as Omit<LinearGdExports, "memory">), memory: mem };
}

/** The addresses the kernel exports as globals (linear_gd/00_layout.wat), in bytes. */
export interface KernelAddresses {
  /** The two threads' control words (A's and B's arrivals, stop, stall): the host zeroes them before a run. */
  readonly control: readonly number[];
  /** The stall word: 1 when runA gave up waiting for runB. */
  readonly stall: number;
  /** The host's job counter, the helper's acknowledgement, its ready flag, runB's float64 arguments. */
  readonly job: number;
  readonly ack: number;
  readonly ready: number;
  readonly args: number;
  /** Where the host's data may start. */
  readonly headerBytes: number;
}

let addresses: KernelAddresses | null | undefined;

/**
 * The control addresses as the kernel exports them, read once from an
 * instance on a one-page memory: the host keeps no copies of these numbers.
 *
 * @returns The addresses, or null where the host lacks WebAssembly SIMD or threads.
 */
export function kernelAddresses(): KernelAddresses | null {
  if (addresses !== undefined) return addresses;
  const module = linearGdModule();
  if (module === null) return addresses = null;
  const memory = new WebAssembly.Memory({ initial: 1, maximum: 32768, shared: true });
  const { exports } = new WebAssembly.Instance(module, { env: { memory }, math: { exp: Math.exp, now: () => 0 } });
  const at = (name: string) => {
    const global = exports[name];
    if (!(global instanceof WebAssembly.Global)) throw new TypeError(`The kernel exports no global ${name}`);
    return global.value as number;
  };
  return addresses = {
    control: [at("ctrl_a"), at("ctrl_b"), at("ctrl_stop"), at("ctrl_stall")],
    stall: at("ctrl_stall"),
    job: at("host_job"),
    ack: at("host_ack"),
    ready: at("host_ready"),
    args: at("host_args"),
    headerBytes: at("header_bytes"),
  };
}

/**
 * Whether the kernel's own exp agrees with this host's Math.exp, checked once
 * on 4,000 arguments. It is correctly rounded, and so is V8's Math.exp; on a
 * host whose Math.exp is not, the kernel calls Math.exp instead so that its
 * iterates still match the reference loop bit for bit.
 */
export function fastExpMatchesHost(): boolean {
  if (fastExp !== undefined) return fastExp;
  const k = instantiateLinearGd();
  fastExp = false;
  if (k === null) return fastExp;
  let state = 0x9e3779b9;
  for (let i = 0; i < 4000; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const x = ((state / 2 ** 32) * 2 - 1) * (i % 4 === 0 ? 700 : i % 4 === 1 ? 40 : i % 4 === 2 ? 1 : 0.01);
    if (!Object.is(k.exp(x, 1), Math.exp(x))) return fastExp;
  }
  fastExp = true;
  return fastExp;
}
