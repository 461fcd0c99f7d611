import type { CompiledRun } from "../src/run/compile_run.ts";
import { parseSpec } from "../src/run/spec_parser.ts";
import { createRng } from "../src/random/rng.ts";
import { linearClassification } from "../src/problems/linear_classification/linear_classification.ts";

/**
 * The benchmark's workload (as `.gpu/torch_baseline.py`): full-batch GD on
 * logistic regression, mean loss, lr 0.1, w₀ = 0, X uniform in [−0.5, 0.5),
 * y = sign(X·t) with a Gaussian teacher t. Our generator, so the numbers
 * differ from PyTorch's draw; the work per step is the same.
 */
export function benchRuns(n: number, d: number, count: number): CompiledRun[] {
  const rng = createRng(0);
  const x = new Float64Array(n * d), y = new Float64Array(n), t = new Float64Array(d);
  for (let j = 0; j < d; j++) t[j] = rng.normal();
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += (x[i * d + j] = rng.uniform() - 0.5) * t[j]!;
    y[i] = s >= 0 ? 1 : -1;
  }
  const problem = linearClassification({ n, d, x, y }, { loss: "logistic", reduction: "mean" });
  return Array.from({ length: count }, (_, i) => ({
    // The spec names stand-in data; the problem holds the real n×d data.
    spec: parseSpec({
      name: `bench-${n}x${d}`,
      problem: { kind: "linear-classification", reduction: "mean", data: { kind: "points", x: [[1]], y: [1] } },
      optimizer: { kind: "gd", lr: 0.1 * (1 + i / count) },
      steps: 1e12,
      backend: "webgpu",
    }),
    problem,
    init: new Float64Array(d),
    warnings: [],
  }));
}
