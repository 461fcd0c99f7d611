import type { ReferenceResult } from "../reference/reference.ts";
import { tensorRecord } from "../store/snapshot_record.ts";
import type { RunInput } from "./_worker_protocol.ts";

/** A run's reference as the first record that feeds it: the predictor as JSON with its kind and margin, or why none. */
export function referenceInput(reference: ReferenceResult): RunInput {
  if (reference.predictor === null) return { type: "reference", reference: null, error: reference.error };
  return {
    type: "reference",
    reference: {
      kind: reference.kind,
      ...tensorRecord(reference.predictor),
      ...(reference.margin === undefined ? {} : { margin: reference.margin }),
    },
  };
}
