import { expTable } from "./_exp_table.ts";
import { LINEAR_GD_WASM_BASE64 } from "./_linear_gd_wasm.ts";

/** The exports of linear_gd.wat. */
export interface LinearGdExports {
  /** The instance's own memory (grown by the host). */
  readonly memory: WebAssembly.Memory;
  /** Runs up to k steps; returns how many were taken. See linear_gd.wat for the arguments. */
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
  /** The kernel's exp of one number (`fast` 0: the imported Math.exp). */
  exp(x: number, fast: number): number;
}

/** Bytes [0, HEADER_BYTES) of the memory hold the exp table, constants and scratch. */
export const HEADER_BYTES = 2192;

let compiled: WebAssembly.Module | null | undefined;
let table: Float64Array | undefined;
let fastExp: boolean | undefined;

function compile(): WebAssembly.Module | null {
  if (compiled !== undefined) return compiled;
  try {
    const bytes = Uint8Array.from(atob(LINEAR_GD_WASM_BASE64), (c) => c.charCodeAt(0));
    compiled = WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
  } catch {
    compiled = null; // no WebAssembly, or no SIMD
  }
  return compiled;
}

/**
 * A fresh instance of the kernel with the exp table in place, or null where
 * the host lacks WebAssembly SIMD.
 */
export function instantiateLinearGd(): LinearGdExports | null {
  const module = compile();
  if (module === null) return null;
  const instance = new WebAssembly.Instance(module, { math: { exp: Math.exp } });
  const exports = instance.exports as unknown as LinearGdExports;
  table ??= expTable();
  new Float64Array(exports.memory.buffer, 0, table.length).set(table);
  return exports;
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
