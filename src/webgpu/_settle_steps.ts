/**
 * After a chunk of `steps` steps from step `before`, reads each live run's GPU
 * step counter and frozen flag: a frozen run is marked diverged at the step
 * the GPU stopped it on; a live run that took fewer steps than asked (a
 * software adapter's silent loop cap) is an error, since its results would be
 * wrong. Shared by the row/multi batch and the tiled mlp batch.
 *
 * @param alive Which runs were stepped.
 * @param before The step the chunk started from.
 * @param steps The steps asked for.
 * @param record Run i's GPU step counter (wrapping u32) and frozen flag (1: frozen).
 * @param diverged Per run, the step it diverged at (set here) or null.
 * @throws {Error} when a live run took another number of steps.
 *
 * @example Usage
 * ```ts
 * import { settleSteps } from "./_settle_steps.ts";
 * import assert from "node:assert/strict";
 *
 * const diverged: (number | null)[] = [null, null];
 * settleSteps([true, true], 10, 5, (i) => i === 0 ? [15, 0] : [12, 1], diverged);
 * assert.deepEqual(diverged, [null, 12]);
 * ```
 */
export function settleSteps(
  alive: readonly boolean[],
  before: number,
  steps: number,
  record: (i: number) => readonly [step: number, frozen: number],
  diverged: (number | null)[],
): void {
  alive.forEach((live, i) => {
    if (!live) return;
    const [gpuStep, frozen] = record(i);
    const taken = (gpuStep - (before >>> 0)) >>> 0;
    if (frozen === 1) {
      diverged[i] = before + taken;
    } else if (taken !== steps) {
      throw new Error(
        `The GPU took ${taken} of ${steps} steps of run ${i} (a software adapter's loop cap?): results would be wrong`,
      );
    }
  });
}
