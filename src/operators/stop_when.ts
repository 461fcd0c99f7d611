import { map, type MonoTypeOperatorFunction, pipe, takeWhile } from "rxjs";
import type { Snapshot } from "../engine/snapshot.ts";

/** When a run may end early: at the first snapshot whose `metric` is at most `atMost`. */
export interface StopCondition {
  /** A metric that an earlier operator adds (e.g. `train_error`, `loss`). */
  readonly metric: string;
  /** The threshold. */
  readonly atMost: number;
}

/**
 * Ends a run early: passes snapshots through until the first one whose
 * `metric` is at most `atMost`, emits that one as the run's last (status
 * `done`, trigger `end`, with a message saying why) and completes, which
 * unsubscribes the training stream upstream and so stops the computation.
 * Snapshots without the metric (e.g. heartbeats of a kind that computes it at
 * recording points only) never stop the run; neither does NaN. Put it after
 * the operators that compute the metric.
 *
 * @param condition The metric and its threshold, or undefined for no early stop.
 * @returns The operator (the identity without a condition).
 *
 * @example Usage
 * ```ts
 * import { stopWhen } from "./stop_when.ts";
 * import { loss } from "./loss.ts";
 * import { train } from "../streams/train.ts";
 * import { lastValueFrom } from "rxjs";
 * import assert from "node:assert/strict";
 *
 * const last = await lastValueFrom(train({
 *   problem: { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } },
 *   optimizer: { kind: "gd", lr: 0.1 },
 *   steps: 100_000,
 * }).pipe(loss(), stopWhen({ metric: "loss", atMost: 0.01 })));
 * assert.equal(last.status, "done");
 * assert.ok(last.step < 100_000 && last.metrics.loss! <= 0.01);
 * ```
 */
export function stopWhen(condition: StopCondition | undefined): MonoTypeOperatorFunction<Snapshot> {
  if (condition === undefined) return pipe();
  const { metric, atMost } = condition;
  const met = (s: Snapshot) => s.status === "running" && (s.metrics[metric] ?? NaN) <= atMost;
  return pipe(
    takeWhile((s) => !met(s), true),
    map((s) =>
      met(s)
        ? {
          ...s,
          status: "done" as const,
          trigger: "end" as const,
          message: `Stopped early at step ${s.step}: ${metric} = ${s.metrics[metric]} ≤ ${atMost}`,
        }
        : s
    ),
  );
}
