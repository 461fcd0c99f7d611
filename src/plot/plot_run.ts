import { createRunStore } from "../store/run_store.ts";
import { createRunTrace } from "../viewer/run_trace.ts";
import type { TheoryReference } from "../viewer/theory_layer.ts";

/** A stored run, as columns, ready to plot. */
export interface PlotRun {
  /** The run's id. */
  readonly id: string;
  /** Its spec. */
  readonly spec: Record<string, unknown>;
  /** The reference solution from `final.json`, or null. */
  readonly reference: TheoryReference | null;
  /** Steps of the records, ascending. */
  readonly steps: number[];
  /** Per metric, one value per step (NaN where missing). */
  readonly metrics: Map<string, number[]>;
  /** How it ended (`done`, `stopped`, …) or `unfinished`. */
  readonly status: string;
}

/**
 * Reads a stored run for plotting: `runs/<id>/` (spec, events and final
 * record) into columns.
 *
 * @param dir The run store directory (e.g. `runs`).
 * @param id The run's id (its folder name).
 * @returns The run.
 * @throws {Deno.errors.NotFound} when the run's folder or spec is missing.
 *
 * @example Usage
 * ```ts ignore
 * const run = readPlotRun("runs", "soudry-fig1-20261207-101500-ab12");
 * console.log(run.metrics.get("loss"));
 * ```
 */
export function readPlotRun(dir: string, id: string): PlotRun {
  const stored = createRunStore(dir).read(id);
  const trace = createRunTrace();
  for (const record of stored.events) trace.add(record);
  const ref = stored.final?.reference ?? null;
  return {
    id,
    spec: stored.spec as Record<string, unknown>,
    reference: ref === null ? null : {
      kind: ref.kind,
      shape: ref.shape,
      data: ref.data,
      ...(ref.margin === undefined ? {} : { margin: ref.margin }),
    },
    steps: trace.steps,
    metrics: trace.metrics,
    status: stored.final?.status ?? "unfinished",
  };
}
