/**
 * The words of the kernel's memory through which the host and its helper
 * thread hand over a job (linear_gd/40_threads.wat leaves [2624, 3072) to
 * them), as indices into an Int32Array or Float64Array of the memory.
 */
export const HELPER_WORDS = {
  /** Int32: the number of jobs the host has started. */
  job: 2624 / 4,
  /** Int32: the number of jobs the helper has finished. */
  ack: 2688 / 4,
  /** Int32: 1 once the helper is waiting for jobs. */
  ready: 2752 / 4,
  /** Float64: runB's thirteen arguments, from here on. */
  args: 2816 / 8,
} as const;

/** How many arguments runB takes. */
export const HELPER_ARGS = 13;
