/**
 * Analysis operators: each adds named metrics to snapshots, its math a pure
 * kernel in `src/math`. Compose them with `.pipe()`, or take the default
 * pipeline of a problem with `analyze(spec)`; write your own with `metric()`.
 *
 * @example Usage
 * ```ts
 * import { loss, norm } from "./mod.ts";
 * import { train } from "../streams/mod.ts";
 * train({
 *   problem: { kind: "linear-classification", data: { kind: "dataset", name: "soudry-fig1" } },
 *   steps: 100,
 * }).pipe(loss(), norm()).subscribe((s) => console.log(s.step, s.metrics));
 * ```
 *
 * @module
 */
export * from "./with_metrics.ts";
export * from "./metric.ts";
export * from "./loss.ts";
export * from "./grad_norm.ts";
export * from "./grad_underflow.ts";
export * from "./norm.ts";
export * from "./margin.ts";
export * from "./cosine_to.ts";
export * from "./angle_gap.ts";
export * from "./dist_to.ts";
export * from "./margin_gap.ts";
export * from "./rel_err_to.ts";
export * from "./test_error.ts";
export * from "./test_mse.ts";
export * from "./spectrum.ts";
export * from "./dft_spectrum.ts";
export * from "./margin_dft.ts";
export * from "./classification_metrics.ts";
export * from "./stop_when.ts";
