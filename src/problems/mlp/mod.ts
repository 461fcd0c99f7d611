/**
 * The `mlp` problem kind: multilayer perceptrons (ReLU or linear, with or
 * without biases) on cross-entropy or binary losses, their spec, flat
 * parameter layout, network inits, Path-SGD's γ, and the matrix products
 * their passes run on.
 *
 * @example Usage
 * ```ts
 * import { mlpLayout } from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(mlpLayout(100, [64], 10, true).size, 100 * 64 + 64 + 64 * 10 + 10);
 * ```
 *
 * @module
 */
export * from "./mlp.ts";
export * from "./mlp_layout.ts";
export * from "./mlp_spec.ts";
export * from "./compile_mlp.ts";
export * from "./network_init.ts";
export * from "./path_gamma.ts";
export * from "./gemm.ts";
export * from "./ts_gemm.ts";
export * from "./mlp_metrics.ts";
export * from "./openblas_gemm.ts";
export * from "./choose_gemm.ts";
export * from "./mlp_presets.ts";
