/**
 * Reference solvers: the solutions the implicit-bias theorems predict, solved
 * exactly (HiGHS for QPs and LPs, polished with exact linear algebra).
 *
 * @example Usage
 * ```ts
 * import { maxMarginL2 } from "./mod.ts";
 * const ref = await maxMarginL2(new Float64Array([0.5, 1.5, 1.5, 0.5]), 2);
 * ```
 *
 * @module
 */
export * from "./reference.ts";
export * from "./max_margin_l2.ts";
export * from "./max_margin_l1.ts";
export * from "./max_margin_linf.ts";
export * from "./multiclass_svm.ts";
export * from "./min_norm_least_squares.ts";
export * from "./min_lp_interpolant.ts";
export * from "./min_nuclear_norm.ts";
export * from "./min_nuclear_norm_diagonal.ts";
export * from "./max_margin_dft_l1.ts";
export * from "./margin_norm.ts";
