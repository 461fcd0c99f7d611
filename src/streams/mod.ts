/**
 * Training as RxJS streams: `train(spec)` emits snapshots on a log-spaced
 * schedule with a wall-clock heartbeat; `sweep()` merges several runs.
 *
 * @example Usage
 * ```ts
 * import { train } from "./mod.ts";
 * train({
 *   problem: { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } },
 *   steps: 100,
 * }).subscribe((s) => console.log(s.step, s.loss));
 * ```
 *
 * @module
 */
export * from "./log_schedule.ts";
export * from "./create_run_id.ts";
export * from "./train.ts";
export * from "./sweep.ts";
