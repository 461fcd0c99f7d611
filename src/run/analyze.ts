import { defer, type OperatorFunction, switchMap } from "rxjs";
import { compileRun } from "./compile_run.ts";
import type { ReferenceResult } from "../reference/reference.ts";
import { solveReference } from "./solve_reference.ts";
import type { Snapshot } from "../engine/snapshot.ts";
import { analysisPipeline } from "./analysis_pipeline.ts";

/**
 * The default analysis of a run as one operator: solves the run's reference
 * (once per subscription, before the source is subscribed, unless given) and
 * adds the metrics of {@link analysisPipeline}.
 *
 * @param spec The run spec, or the compiled run, being analyzed.
 * @param options `reference`: an already solved reference, to skip solving.
 * @returns The operator.
 *
 * @example Usage
 * ```ts
 * import { analyze } from "./analyze.ts";
 * import { train } from "../streams/train.ts";
 * import { lastValueFrom } from "rxjs";
 * import assert from "node:assert/strict";
 *
 * const spec = {
 *   problem: { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } },
 *   optimizer: { kind: "gd", lr: 0.08 },
 *   steps: 1000,
 * };
 * const last = await lastValueFrom(train(spec).pipe(analyze(spec)));
 * assert.ok(last.metrics.angle_gap! < 0.05);
 * ```
 */
export function analyze(
  spec: unknown,
  options: { reference?: ReferenceResult } = {},
): OperatorFunction<Snapshot, Snapshot> {
  const run = compileRun(spec);
  return (source) =>
    defer(() => options.reference ? Promise.resolve(options.reference) : solveReference(run)).pipe(
      switchMap((reference) => source.pipe(analysisPipeline(run, reference))),
    );
}
