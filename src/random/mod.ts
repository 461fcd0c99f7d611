/**
 * Seeded random numbers for reproducible data, initializations and batches.
 *
 * @example Usage
 * ```ts
 * import { createRng } from "./mod.ts";
 * const rng = createRng(0);
 * const g = rng.normal();
 * ```
 *
 * @module
 */
export * from "./rng.ts";
export * from "./numpy_legacy_rng.ts";
