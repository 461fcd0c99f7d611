/**
 * A recording schedule with every epoch's end added: the union of
 * `schedule` and the multiples of `stepsPerEpoch` up to `steps`, sorted.
 * Minibatch runs record there too, so per-epoch curves have one point per
 * epoch whatever the log schedule's spacing.
 *
 * @param schedule Strictly increasing steps (e.g. {@link logSchedule}'s).
 * @param stepsPerEpoch Steps per pass over the data (absent or ≤ 1: no change).
 * @param steps The run's last step.
 * @returns Strictly increasing steps.
 *
 * @example Usage
 * ```ts
 * import { epochSchedule } from "./epoch_schedule.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(epochSchedule([0, 1, 3, 10], 4, 10), [0, 1, 3, 4, 8, 10]);
 * ```
 */
export function epochSchedule(schedule: readonly number[], stepsPerEpoch: number | undefined, steps: number): number[] {
  if (stepsPerEpoch === undefined || stepsPerEpoch <= 1) return [...schedule];
  const all = new Set(schedule);
  for (let t = stepsPerEpoch; t <= steps; t += stepsPerEpoch) all.add(t);
  return [...all].sort((a, b) => a - b);
}
