import { kernelAddresses } from "./_linear_gd_module.ts";

/**
 * The words of the kernel's memory through which the host and its helper
 * thread hand over a job, as indices into an Int32Array (`job`, `ack`,
 * `ready`) or Float64Array (`args`) of the memory: read from the addresses
 * the kernel exports (linear_gd/00_layout.wat), never copied.
 *
 * @returns The word indices.
 * @throws {Error} where the host cannot run the kernel (no helper is started there).
 */
export function helperWords(): { job: number; ack: number; ready: number; args: number } {
  const a = kernelAddresses();
  if (a === null) throw new Error("The kernel cannot run here (no WebAssembly SIMD or threads)");
  return { job: a.job / 4, ack: a.ack / 4, ready: a.ready / 4, args: a.args / 8 };
}

/** How many arguments runB takes. */
export const HELPER_ARGS = 13;
