/**
 * biasflow: watch the implicit bias of optimizers, live.
 *
 * Training is an RxJS stream of snapshots (`train`, `sweep`); analysis
 * operators add metrics such as the angle to the max-margin SVM (`analyze`,
 * `norm`, `margin`, `cosineTo`, …); reference solvers give the solution each
 * theorem predicts (`solveReference`, `maxMarginL2`); runs are stored as NDJSON
 * (`createRunStore`). This root module is the API of the README's tour; the
 * rest is reachable through the subpath exports (`@biasflow/biasflow/run`,
 * `/problems`, `/operators`, `/reference`, `/webgpu`, …). Importing it
 * computes nothing: presets are built on first use.
 *
 * @example Usage
 * ```ts
 * import { analyze, presetSpec, train } from "./mod.ts";
 * import { lastValueFrom } from "rxjs";
 *
 * const spec = { ...presetSpec("soudry-fig1"), steps: 10_000 };
 * const last = await lastValueFrom(train(spec).pipe(analyze(spec)));
 * console.log(last.step, last.metrics.angle_gap);
 * ```
 *
 * @module
 */
export { train, type TrainOptions } from "./src/streams/train.ts";
export { sweep } from "./src/streams/sweep.ts";
export type { Snapshot, SnapshotStatus } from "./src/engine/snapshot.ts";
export { analyze } from "./src/run/analyze.ts";
export { analysisPipeline } from "./src/run/analysis_pipeline.ts";
export { solveReference } from "./src/run/solve_reference.ts";
export { type CompiledRun, compileRun } from "./src/run/compile_run.ts";
export { parseSpec } from "./src/run/spec_parser.ts";
export { runSpecJsonSchema } from "./src/run/json_schema.ts";
export type { RunSpec, RunSpecInput } from "./src/run/run_spec_schema.ts";
export { SpecError } from "./src/spec/spec_error.ts";
export { metric } from "./src/operators/metric.ts";
export { withMetrics } from "./src/operators/with_metrics.ts";
export { norm } from "./src/operators/norm.ts";
export { margin } from "./src/operators/margin.ts";
export { cosineTo } from "./src/operators/cosine_to.ts";
export { angleGap } from "./src/operators/angle_gap.ts";
export { marginGap } from "./src/operators/margin_gap.ts";
export { distTo } from "./src/operators/dist_to.ts";
export { spectrum } from "./src/operators/spectrum.ts";
export type { ReferenceResult } from "./src/reference/reference.ts";
export { maxMarginL2 } from "./src/reference/max_margin_l2.ts";
export type { Problem } from "./src/problems/problem.ts";
export { presets, presetSpec } from "./src/presets/presets.ts";
export type { Preset } from "./src/problems/shared/problem_kind.ts";
export { createRunStore, type RunStore } from "./src/store/run_store.ts";
export type { RunStatus } from "./src/store/run_status.ts";
export { createEngine } from "./src/backend/create_engine.ts";
export type { Engine } from "./src/engine/engine.ts";
