/** What the server accepts before it answers 413, 422 or 429. */
export interface ServerLimits {
  /** Runs computing at once, one Worker each; more wait in a queue. */
  readonly maxConcurrentRuns: number;
  /** Runs waiting for a Worker; a request that would queue more gets 429. */
  readonly maxQueuedRuns: number;
  /** Largest `steps` of a run (422 above). */
  readonly maxSteps: number;
  /** Largest data size, points × dimensions (422 above). */
  readonly maxDataSize: number;
  /** Largest request body in bytes (413 above). */
  readonly maxBodyBytes: number;
  /** Event streams open at once, over all runs (429 above). */
  readonly maxSseClients: number;
  /** Most values in one sweep (422 above). */
  readonly maxSweepValues: number;
  /** External runs with a live analysis Worker at once (429 above). */
  readonly maxExternalRuns: number;
  /** An external run that sends nothing for this long (ms) is marked `interrupted` (it resumes on its next record). */
  readonly externalIdleMs: number;
  /** Records one external run may store (422 above). */
  readonly maxExternalRecords: number;
}

/**
 * The defaults: 2 concurrent runs (the machine's other cores serve requests),
 * 32 queued, 10⁹ steps, 4 × 10⁶ data entries (32 MB of float64 per run: every
 * preset fits, matrix sensing's 750 measurements of 50 × 50 included),
 * 1 MiB bodies, 100 event streams, 32 values per sweep.
 *
 * @example Usage
 * ```ts
 * import { DEFAULT_LIMITS } from "./server_limits.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(DEFAULT_LIMITS.maxBodyBytes, 1 << 20);
 * ```
 */
export const DEFAULT_LIMITS: ServerLimits = Object.freeze({
  maxConcurrentRuns: 2,
  maxQueuedRuns: 32,
  maxSteps: 1e9,
  maxDataSize: 8e6, // MNIST's 50,000 training images at 10×10 are 5·10⁶
  maxBodyBytes: 1 << 20,
  maxSseClients: 100,
  maxSweepValues: 32,
  maxExternalRuns: 16,
  externalIdleMs: 600_000,
  maxExternalRecords: 100_000,
});

/**
 * Fills in the defaults of partly given limits and checks that each is a
 * positive number.
 *
 * @param limits Limits to override.
 * @returns Complete limits.
 * @throws {RangeError} naming a limit that is not a positive number.
 *
 * @example Usage
 * ```ts
 * import { resolveLimits } from "./server_limits.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(resolveLimits({ maxSteps: 1000 }).maxSteps, 1000);
 * assert.throws(() => resolveLimits({ maxSteps: 0 }), RangeError);
 * ```
 */
export function resolveLimits(limits: Partial<ServerLimits> = {}): ServerLimits {
  const out = { ...DEFAULT_LIMITS, ...limits };
  for (const [key, value] of Object.entries(out)) {
    if (!(typeof value === "number" && value > 0)) {
      throw new RangeError(`Expected the limit ${key} to be a positive number but found ${value}`);
    }
  }
  return Object.freeze(out);
}
