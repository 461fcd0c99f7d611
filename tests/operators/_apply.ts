import { lastValueFrom, of, type OperatorFunction } from "rxjs";
import type { Snapshot } from "../../src/engine/snapshot.ts";

/** Runs one snapshot through an operator and returns its metrics. */
export async function metricsOf(
  op: OperatorFunction<Snapshot, Snapshot>,
  s: Snapshot,
): Promise<Readonly<Record<string, number>>> {
  return (await lastValueFrom(of(s).pipe(op))).metrics;
}
