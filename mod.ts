/**
 * biasflow: watch the implicit bias of optimizers, live.
 *
 * Training is an RxJS stream of snapshots (`train`, `sweep`); analysis
 * operators add metrics such as the angle to the max-margin SVM (`analyze`,
 * `norm`, `margin`, `cosineTo`, …); reference solvers give the solution each
 * theorem predicts (`maxMarginL2`); runs are stored as NDJSON (`createRunStore`).
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
export * from "./src/spec/mod.ts";
export * from "./src/random/mod.ts";
export * from "./src/math/mod.ts";
export * from "./src/problems/mod.ts";
export * from "./src/optimizers/mod.ts";
export * from "./src/engine/mod.ts";
export * from "./src/cpu/mod.ts";
export * from "./src/webgpu/mod.ts";
export * from "./src/reference/mod.ts";
export * from "./src/streams/mod.ts";
export * from "./src/operators/mod.ts";
export * from "./src/store/mod.ts";
export * from "./src/presets/mod.ts";
