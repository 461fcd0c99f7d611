/**
 * Pure numerical kernels on typed arrays: norms, cosines, margins, spectra.
 * No streams, no GPU: every operator and reference solver is built on these.
 *
 * This module is browser compatible.
 *
 * @example Usage
 * ```ts
 * import { lpNorm } from "./mod.ts";
 * const n = lpNorm(new Float64Array([3, 4]), 2); // 5
 * ```
 *
 * @module
 */
export * from "./tensor.ts";
export * from "./lp_norm.ts";
export * from "./cosine.ts";
export * from "./direction_gap.ts";
export * from "./min_margin.ts";
export * from "./sigma_max.ts";
export * from "./half_squared_norm_gradient.ts";
export * from "./kesler_rows.ts";
export * from "./sign_error.ts";
export * from "./argmax_error.ts";
export * from "./mean_squared_error.ts";
export * from "./relative_error.ts";
export * from "./multiclass_margin.ts";
export * from "./singular_values.ts";
export * from "./nuclear_norm.ts";
export * from "./effective_rank.ts";
export * from "./unitary_dft.ts";
export * from "./dft_magnitudes.ts";
export * from "./sensing_operator.ts";
