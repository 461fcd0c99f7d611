import type { EngineState } from "./engine.ts";

/** Where a run stands. */
export type SnapshotStatus = "running" | "done" | "diverged" | "stopped";

/** Why a snapshot was taken. */
export type SnapshotTrigger = "schedule" | "heartbeat" | "end";

/**
 * One recorded moment of a run: the engine's state copied out, plus the
 * metrics that operators add. Snapshots are immutable; operators return new
 * ones.
 */
export interface Snapshot extends EngineState {
  /** The run's id. */
  readonly run: string;
  /** Seconds since the run started computing. */
  readonly wall: number;
  /** `running`, or on the last snapshot how the run ended. */
  readonly status: SnapshotStatus;
  /** A log-spaced recording step, a wall-clock heartbeat, or the end of the run. */
  readonly trigger: SnapshotTrigger;
  /** For `diverged` and `stopped`: what happened, for the user. */
  readonly message?: string;
  /** For runs of a sweep: the swept field and this run's value. */
  readonly sweep?: { readonly path: string; readonly value: unknown };
  /** Named scalar metrics; the default names are listed in the README. */
  readonly metrics: Readonly<Record<string, number>>;
}
