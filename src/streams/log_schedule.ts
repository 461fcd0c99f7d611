/**
 * The steps at which a run is recorded: 0, then `perDecade` log-spaced steps
 * per decade (rounded, duplicates dropped), then always the last step.
 *
 * @param steps The run's total number of steps (≥ 1).
 * @param perDecade Recording points per factor of 10.
 * @returns Strictly increasing steps from 0 to `steps`.
 *
 * @example Usage
 * ```ts
 * import { logSchedule } from "./log_schedule.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(logSchedule(100, 2), [0, 1, 3, 10, 32, 100]);
 * ```
 */
export function logSchedule(steps: number, perDecade: number): number[] {
  if (!Number.isInteger(steps) || steps < 1) {
    throw new RangeError(`Cannot build a schedule: steps must be a positive integer but was ${steps}`);
  }
  if (!Number.isInteger(perDecade) || perDecade < 1) {
    throw new RangeError(`Cannot build a schedule: perDecade must be a positive integer but was ${perDecade}`);
  }
  const out = [0];
  for (let k = 0;; k++) {
    const t = Math.round(10 ** (k / perDecade));
    if (t >= steps) break;
    if (t > out[out.length - 1]!) out.push(t);
  }
  out.push(steps);
  return out;
}
