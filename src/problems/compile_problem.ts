import type { ProblemSpec } from "../spec/run_spec.ts";
import { loadData, type LoadDataOptions } from "./load_data.ts";
import { linearClassification } from "./linear_classification.ts";
import type { Problem } from "./problem.ts";
import { compileMulticlass } from "./_compile_multiclass.ts";
import { leastSquares } from "./least_squares.ts";
import { loadTargetData } from "./load_target_data.ts";
import { sameWidth } from "./_same_width.ts";
import { matrixSensing } from "./matrix_sensing.ts";
import { sensingData } from "./sensing_data.ts";
import { linearNet } from "./linear_net.ts";
import { linearConvNet } from "./linear_conv_net.ts";
import { compileMlp } from "./mlp/compile_mlp.ts";

/**
 * Turns a validated problem spec into a {@link Problem}, loading its data.
 *
 * @param spec The problem spec.
 * @param options Where relative data paths start.
 * @returns The problem.
 * @throws {SpecError} when the data cannot be loaded, a held-out set's width
 *   differs from the training data's, or a class label is out of range.
 *
 * @example Usage
 * ```ts
 * import { compileProblem } from "./compile_problem.ts";
 * import assert from "node:assert/strict";
 *
 * const p = compileProblem({
 *   kind: "linear-classification", loss: "logistic", reduction: "sum",
 *   data: { kind: "dataset", name: "soudry-fig1" },
 * });
 * assert.equal(p.size, 2);
 * ```
 */
export function compileProblem(spec: ProblemSpec, options: Pick<LoadDataOptions, "baseDir"> = {}): Problem {
  switch (spec.kind) {
    case "linear-classification": {
      const data = loadData(spec.data, options);
      const test = spec.test
        ? sameWidth(loadData(spec.test, { ...options, path: "problem.test" }), data, "problem.test")
        : null;
      return linearClassification(data, { loss: spec.loss, reduction: spec.reduction, test });
    }
    case "multiclass":
      return compileMulticlass(spec, options);
    case "least-squares": {
      const data = loadTargetData(spec.data, { ...options, path: "problem.data" });
      const test = spec.test ? loadTargetData(spec.test, { ...options, path: "problem.test", testFor: data }) : null;
      return leastSquares(data, { reduction: spec.reduction, test });
    }
    case "matrix-sensing":
      return matrixSensing(sensingData(spec.measurements, { n: spec.n, symmetric: spec.symmetric }), {
        rank: spec.rank ?? spec.n,
        symmetric: spec.symmetric,
        reduction: spec.reduction,
      });
    case "linear-net": {
      const data = loadData(spec.data, options);
      const width = spec.width ?? data.d;
      return linearNet(data, {
        widths: typeof width === "number" ? Array.from({ length: spec.depth - 1 }, () => width) : width,
        loss: spec.loss,
        reduction: spec.reduction,
        test: spec.test
          ? sameWidth(loadData(spec.test, { ...options, path: "problem.test" }), data, "problem.test")
          : null,
      });
    }
    case "linear-conv-net": {
      const data = loadData(spec.data, options);
      return linearConvNet(data, {
        depth: spec.depth,
        loss: spec.loss,
        reduction: spec.reduction,
        test: spec.test
          ? sameWidth(loadData(spec.test, { ...options, path: "problem.test" }), data, "problem.test")
          : null,
      });
    }
    case "mlp":
      return compileMlp(spec, options);
  }
}
