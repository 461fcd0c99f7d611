import { type CompiledRun, compileRun } from "../../src/run/compile_run.ts";
import type { Backend } from "../../src/run/run_spec_schema.ts";
import type { SensingWorkload } from "../workloads/workload.ts";

/**
 * The matrix sensing workload as a biasflow run on the same data: the Aᵢ and
 * yᵢ inline (`points` measurements), U₀ as `values`, GD with the workload's
 * step size, mean reduction, X = UUᵀ with U n×n.
 */
export function sensingRun(w: SensingWorkload, backend: Backend = "cpu"): CompiledRun {
  const { n, m, a, y, u0 } = w.data;
  const nn = n * n;
  const matrices = Array.from(
    { length: m },
    (_, i) => Array.from({ length: n }, (_, r) => Array.from(a.subarray(i * nn + r * n, i * nn + (r + 1) * n))),
  );
  return compileRun({
    problem: {
      kind: "matrix-sensing",
      n,
      reduction: "mean",
      measurements: { kind: "points", a: matrices, y: Array.from(y) },
    },
    optimizer: { kind: "gd", lr: w.lr },
    init: { kind: "values", values: Array.from(u0) },
    steps: 1e15,
    backend,
  });
}
