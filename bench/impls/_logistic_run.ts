import { type CompiledRun, compileRun } from "../../src/run/compile_run.ts";
import { linearClassification } from "../../src/problems/linear_classification/linear_classification.ts";
import type { Backend } from "../../src/run/run_spec_schema.ts";
import type { LogisticWorkload } from "../workloads/workload.ts";

/**
 * The workload as a {@link CompiledRun}: the spec says logistic loss, mean
 * reduction, GD with the workload's step size and w₀ = 0; the problem is built
 * from the data directly (inline `points` would cost seconds of validation
 * for the largest size; `compileRun` accepts a compiled run as is).
 */
export function logisticRun(w: LogisticWorkload, backend: Backend, steps: number): CompiledRun {
  const base = compileRun({
    problem: {
      kind: "linear-classification",
      loss: "logistic",
      reduction: "mean",
      data: { kind: "points", x: [[1]], y: [1] },
    },
    optimizer: { kind: "gd", lr: w.lr },
    steps,
    backend,
  });
  const { n, d, x, y } = w.data;
  return {
    ...base,
    problem: linearClassification({ n, d, x, y }, { loss: "logistic", reduction: "mean" }),
    init: new Float64Array(d),
  };
}
