import type { Workload } from "../workloads/workload.ts";

/** A prepared implementation on one workload. */
export interface Runner {
  /** Takes k steps; resolves to the seconds they took, timed where the work runs. */
  run(k: number): Promise<number>;
  /** The current parameters (w, or U row-major), as float64. */
  params(): Promise<Float64Array>;
  /** Frees what it holds. */
  dispose(): Promise<void> | void;
}

/** One implementation in the benchmark: adding a backend is adding one of these to the list in impls.ts. */
export interface Impl {
  /** Stable id, used in the JSON. */
  readonly id: string;
  /** Column label. */
  readonly label: string;
  /** Float width it computes in. */
  readonly bits: 32 | 64;
  /**
   * Matrix sensing: whether it works on the packed upper triangle of each symmetric Aᵢ (n(n+1)/2 coordinates,
   * as biasflow does) rather than all n² entries (NumPy, the plain loop, jax-js). It sets the multiply-adds counted.
   */
  readonly packedSensing?: boolean;
  /**
   * A tolerance of its own for the same-iterates gate, with the reason, where the default of its float width
   * (bench/measure.ts SAME_ITERATES_TOLERANCE) does not describe it.
   */
  readonly sameIteratesTolerance?: { readonly value: number; readonly why: string };
  /** Why it cannot run this workload here (or at all), or null when it can. */
  skip(w: Workload): Promise<string | null>;
  /** Prepares a runner at step 0. */
  setup(w: Workload): Promise<Runner>;
}

/**
 * Times a synchronous body of k steps with the wall clock.
 *
 * @param body The steps.
 * @returns Seconds.
 *
 * @example Usage
 * ```ts
 * import { timeSync } from "./impl.ts";
 * import assert from "node:assert/strict";
 *
 * assert.ok(timeSync(() => {}) >= 0);
 * ```
 */
export function timeSync(body: () => void): number {
  const t0 = performance.now();
  body();
  return (performance.now() - t0) / 1000;
}
