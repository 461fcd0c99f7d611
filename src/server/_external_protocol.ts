import type { SnapshotRecord, TensorRecord } from "../store/snapshot_record.ts";
import type { RunInput } from "./_worker_protocol.ts";

/** One record of an external run as validated by the server (`POST /api/runs/:id/records`). */
export interface ExternalRecord {
  /** The user's step (strictly increasing). */
  step: number;
  /** Seconds since the run started (the client's clock). */
  wall: number;
  /** Why the client sent it. */
  trigger: "schedule" | "heartbeat" | "end";
  /** The user's own metrics (null: not finite). */
  metrics: Record<string, number | null>;
  /** The end-to-end predictor, shaped like the problem's. */
  predictor?: TensorRecord;
  /** The flat parameters in the problem's layout (the predictor is derived from them). */
  params?: number[];
}

/** Main thread → external-run Worker. */
export type ToExternalWorker =
  | { type: "start"; id: string; spec: unknown; last?: SnapshotRecord }
  | { type: "records"; batch: number; records: ExternalRecord[] }
  | { type: "finish"; batch: number; status: "done" | "stopped"; message?: string };

/** External-run Worker → main thread: what a run Worker posts, plus acknowledgements of batches. */
export type FromExternalWorker = RunInput | { type: "ack"; batch: number; error?: string };
