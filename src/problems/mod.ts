/**
 * Problems: data sets and the objectives trained on them, compiled from specs
 * into flat-parameter {@link Problem}s with a one-pass gradient.
 *
 * @example Usage
 * ```ts
 * import { linearClassification, soudryFig1 } from "./mod.ts";
 * const problem = linearClassification(soudryFig1(), { loss: "logistic", reduction: "sum" });
 * ```
 *
 * @module
 */
export * from "./problem.ts";
export * from "./labeled_data.ts";
export * from "./separable_data.ts";
export * from "./soudry_fig1.ts";
export * from "./read_csv_data.ts";
export * from "./load_data.ts";
export * from "./linear_classification.ts";
export * from "./compile_problem.ts";
export * from "./least_squares.ts";
export * from "./multiclass.ts";
export * from "./wilson_data.ts";
export * from "./wilson_test_data.ts";
export * from "./gaussian_regression_data.ts";
export * from "./separable_multiclass_data.ts";
export * from "./load_target_data.ts";
export * from "./sensing_operator.ts";
export * from "./sensing_data.ts";
export * from "./matrix_sensing.ts";
export * from "./linear_net.ts";
export * from "./linear_conv_net.ts";
export * from "./mlp/mod.ts";
export * from "./mnist/mnist_data.ts";
export * from "./mnist/mnist_spec.ts";
