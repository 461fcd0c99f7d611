import { expTable } from "./_exp_table.ts";
import { LINEAR_GD_SHARED_WASM_BASE64, LINEAR_GD_WASM_BASE64 } from "./_linear_gd_wasm.ts";

/** The exports of linear_gd.wat; see there for the arguments. */
export interface LinearGdExports {
  /** Takes up to k steps on one thread; returns how many were taken. */
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
  /** Thread `tid` (0 or 1) of a two-thread run; both return the same count. */
  runShared(
    tid: number,
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
    s: number,
    expLoss: number,
    fast: number,
    mean: number,
    scale: number,
    rule: number,
    lr: number,
    mu: number,
    k: number,
    bar: number,
    w0: number,
    buf0: number,
  ): number;
  /** The kernel's exp of one number (`fast` 0: the imported Math.exp). */
  exp(x: number, fast: number): number;
}

/** Bytes [0, HEADER_BYTES) of the memory hold the exp table, constants and scratch. */
export const HEADER_BYTES = 2192;

const modules: { plain?: WebAssembly.Module | null; shared?: WebAssembly.Module | null } = {};
let table: Float64Array | undefined;
let fastExp: boolean | undefined;

/**
 * The compiled kernel, plain or for a shared memory, or null where the host
 * lacks WebAssembly SIMD (or, for `shared`, threads).
 */
export function linearGdModule(shared: boolean): WebAssembly.Module | null {
  const key = shared ? "shared" : "plain";
  if (modules[key] !== undefined) return modules[key];
  try {
    const text = atob(shared ? LINEAR_GD_SHARED_WASM_BASE64 : LINEAR_GD_WASM_BASE64);
    const bytes = Uint8Array.from(text, (c) => c.charCodeAt(0));
    modules[key] = WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
  } catch {
    modules[key] = null;
  }
  return modules[key];
}

/**
 * Instantiates the kernel on a memory of `bytes` bytes (shared for
 * `shared`), with the exp table in place; null where the host cannot.
 */
export function instantiateLinearGd(
  bytes = HEADER_BYTES,
  shared = false,
): { exports: LinearGdExports; memory: WebAssembly.Memory } | null {
  const module = linearGdModule(shared);
  if (module === null) return null;
  const pages = Math.ceil(bytes / 65536);
  let memory: WebAssembly.Memory;
  try {
    memory = new WebAssembly.Memory(shared ? { initial: pages, maximum: pages, shared: true } : { initial: pages });
  } catch {
    return null; // no SharedArrayBuffer here, or not that much memory
  }
  const instance = new WebAssembly.Instance(module, { math: { exp: Math.exp }, env: { memory } });
  table ??= expTable();
  new Float64Array(memory.buffer, 0, table.length).set(table);
  return { exports: instance.exports as unknown as LinearGdExports, memory };
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
    if (!Object.is(k.exports.exp(x, 1), Math.exp(x))) return fastExp;
  }
  fastExp = true;
  return fastExp;
}
