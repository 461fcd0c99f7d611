import type { Snapshot } from "../../src/engine/snapshot.ts";

/** A snapshot with the given predictor, for operator tests. */
export function snapshotOf(beta: number[], extra: Partial<Snapshot> = {}): Snapshot {
  return {
    run: "test",
    step: 1,
    wall: 0,
    status: "running",
    trigger: "schedule",
    loss: 0.25,
    gradNorm: 0.5,
    params: {},
    predictor: { shape: [beta.length], data: Float64Array.from(beta) },
    metrics: {},
    ...extra,
  };
}
