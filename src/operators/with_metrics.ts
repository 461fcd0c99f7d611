import type { Snapshot } from "../engine/snapshot.ts";

/**
 * A copy of a snapshot with metrics added (or replaced). Operators use it so
 * that snapshots stay immutable.
 *
 * @param snapshot The snapshot.
 * @param metrics Metrics to add.
 * @returns A new snapshot sharing everything else.
 *
 * @example Usage
 * ```ts ignore
 * const next = withMetrics(snapshot, { my_metric: 1 });
 * ```
 */
export function withMetrics(snapshot: Snapshot, metrics: Record<string, number>): Snapshot {
  return { ...snapshot, metrics: { ...snapshot.metrics, ...metrics } };
}
