import type { ReferenceResult } from "../reference/reference.ts";
import type { Snapshot, SnapshotStatus } from "../engine/snapshot.ts";
import { type TensorRecord, tensorRecord } from "./snapshot_record.ts";

/** The last line of `--json` output and the content of `final.json`. */
export interface FinalRecord {
  /** Always `final`. */
  type: "final";
  /** The run's id. */
  run: string;
  /** How the run ended. */
  status: SnapshotStatus;
  /** Steps taken. */
  step: number;
  /** Seconds the run took. */
  wall: number;
  /** The metrics at the end. */
  metrics: Record<string, number>;
  /** The end-to-end predictor. */
  predictor: TensorRecord;
  /** The solution the theorem predicts, or null. */
  reference: (TensorRecord & { kind: string; margin?: number }) | null;
  /** Why there is no reference. */
  reference_error?: string;
  /** Why the run diverged or stopped. */
  message?: string;
}

/**
 * The final record of a run from its last snapshot and its reference.
 *
 * @param s The last snapshot.
 * @param reference The run's reference solution, or the reason there is none.
 * @returns The record.
 *
 * @example Usage
 * ```ts ignore
 * const final = toFinalRecord(last, await solveReference(run));
 * ```
 */
export function toFinalRecord(s: Snapshot, reference: ReferenceResult): FinalRecord {
  return {
    type: "final",
    run: s.run,
    status: s.status,
    step: s.step,
    wall: Math.round(s.wall * 1e6) / 1e6,
    metrics: { ...s.metrics },
    predictor: tensorRecord(s.predictor),
    reference: reference.predictor === null ? null : {
      kind: reference.kind,
      ...tensorRecord(reference.predictor),
      ...(reference.margin === undefined ? {} : { margin: reference.margin }),
    },
    ...(reference.predictor === null ? { reference_error: reference.error } : {}),
    ...(s.message === undefined ? {} : { message: s.message }),
  };
}
