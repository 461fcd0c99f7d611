/**
 * Problems: data sets and the objectives trained on them, compiled from specs
 * into flat-parameter {@link ProblemBase}s with a one-pass gradient.
 *
 * @example Usage
 * ```ts
 * import { linearClassification, soudryFig1 } from "./mod.ts";
 * const problem = linearClassification(soudryFig1(), { loss: "logistic", reduction: "sum" });
 * ```
 *
 * @module
 */
export * from "./problem_kinds.ts";
export * from "./problem.ts";
export * from "./problem_of_kind.ts";
export * from "./problem_spec_schema.ts";
export * from "./compile_problem.ts";
export * from "./shared/problem_kind.ts";
export * from "./shared/data_schema.ts";
export * from "./shared/labeled_data.ts";
export * from "./shared/separable_data.ts";
export * from "./shared/soudry_fig1.ts";
export * from "./shared/read_csv_data.ts";
export * from "./shared/load_data.ts";
export * from "./shared/wilson_data.ts";
export * from "./shared/wilson_test_data.ts";
export * from "./shared/gaussian_regression_data.ts";
export * from "./shared/separable_multiclass_data.ts";
export * from "./shared/load_target_data.ts";
export * from "./shared/sensing_data.ts";
export * from "./shared/mnist_schema.ts";
export * from "./shared/mnist_data.ts";
export * from "./linear_classification/linear_classification.ts";
export * from "./linear_classification/linear_classification_schema.ts";
export * from "./linear_classification/linear_classification_kind.ts";
export * from "./multiclass/multiclass.ts";
export * from "./multiclass/multiclass_schema.ts";
export * from "./multiclass/multiclass_kind.ts";
export * from "./least_squares/least_squares.ts";
export * from "./least_squares/least_squares_schema.ts";
export * from "./least_squares/least_squares_kind.ts";
export * from "./matrix_sensing/matrix_sensing.ts";
export * from "./matrix_sensing/matrix_sensing_schema.ts";
export * from "./matrix_sensing/matrix_sensing_kind.ts";
export * from "./linear_net/linear_net.ts";
export * from "./linear_net/linear_net_schema.ts";
export * from "./linear_net/linear_net_kind.ts";
export * from "./linear_conv_net/linear_conv_net.ts";
export * from "./linear_conv_net/linear_conv_net_schema.ts";
export * from "./linear_conv_net/linear_conv_net_kind.ts";
export * from "./mlp/mlp.ts";
export * from "./mlp/mlp_layout.ts";
export * from "./mlp/mlp_schema.ts";
export * from "./mlp/mlp_kind.ts";
export * from "./mlp/mlp_metrics.ts";
export * from "./mlp/mlp_presets.ts";
export * from "./mlp/compile_mlp.ts";
export * from "./mlp/network_init.ts";
export * from "./mlp/path_gamma.ts";
export * from "./mlp/gemm.ts";
export * from "./mlp/ts_gemm.ts";
export * from "./mlp/openblas_gemm.ts";
export * from "./mlp/choose_gemm.ts";
