import { firstValueFrom, of, type OperatorFunction } from "rxjs";
import type { Snapshot } from "../src/streams/snapshot.ts";

/** A snapshot with the given predictor (and nothing else of interest), for operator tests. */
export function snapshotOf(shape: number[], data: ArrayLike<number>): Snapshot {
  return {
    run: "test",
    step: 1,
    wall: 0,
    status: "running",
    trigger: "schedule",
    loss: 0,
    gradNorm: 0,
    params: {},
    predictor: { shape, data: Float64Array.from(data) },
    metrics: {},
  };
}

/** The metrics an operator adds to one snapshot. */
export async function metricsOf(
  op: OperatorFunction<Snapshot, Snapshot>,
  snapshot: Snapshot,
): Promise<Readonly<Record<string, number>>> {
  return (await firstValueFrom(of(snapshot).pipe(op))).metrics;
}
