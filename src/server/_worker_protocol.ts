import type { FinalRecord } from "../store/final_record.ts";
import type { SnapshotRecord, TensorRecord } from "../store/snapshot_record.ts";

/** The reference solution as JSON, as in `final.json`. */
export type ReferenceRecord = TensorRecord & { kind: string; margin?: number };

/** Main thread → run Worker. */
export type ToWorker =
  | { type: "start"; id: string; spec: unknown; sweep?: { path: string; value: unknown } }
  | { type: "stop" };

/**
 * What feeds a run (a run Worker → the main thread, or an outside source
 * through `Runner.open`): its reference, snapshots in step order, then a final
 * record, or `failed` with why.
 */
export type RunInput =
  | { type: "reference"; reference: ReferenceRecord | null; error?: string }
  | { type: "snapshot"; record: SnapshotRecord }
  | { type: "final"; record: FinalRecord }
  | { type: "failed"; message: string };

/** Run Worker → main thread. */
export type FromWorker = RunInput;
