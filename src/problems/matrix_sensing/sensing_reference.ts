import type { MatrixSensing } from "./matrix_sensing.ts";
import { minNuclearNorm, type MinNuclearNormOptions } from "../../reference/min_nuclear_norm.ts";
import { minNuclearNormDiagonal } from "../../reference/min_nuclear_norm_diagonal.ts";
import type { ReferenceResult } from "../../reference/reference.ts";

/**
 * The reference of a matrix sensing problem: the minimum nuclear norm
 * solution of A(X) = y, over PSD matrices (min tr X) when X = UUᵀ. Diagonal
 * (commuting) sensing is solved exactly as a linear program
 * ({@link minNuclearNormDiagonal}); every other kind by ADMM
 * ({@link minNuclearNorm}).
 *
 * @param problem The matrix sensing problem.
 * @param options ADMM tolerance and iteration limit.
 * @returns The solution (n×n), or why there is none.
 *
 * @example Usage
 * ```ts
 * import { sensingReference } from "./sensing_reference.ts";
 * import { compileRun } from "../../run/compile_run.ts";
 * import type { MatrixSensing } from "./matrix_sensing.ts";
 * import assert from "node:assert/strict";
 *
 * const run = compileRun({
 *   problem: { kind: "matrix-sensing", n: 6, measurements: { kind: "gaussian", m: 15, truthRank: 1, seed: 0 } },
 *   steps: 1,
 * });
 * const ref = await sensingReference(run.problem as MatrixSensing);
 * assert.equal(ref.kind, "min-trace-psd");
 * ```
 */
export function sensingReference(
  problem: MatrixSensing,
  options: Omit<MinNuclearNormOptions, "psd"> = {},
): Promise<ReferenceResult> {
  const { operator, y } = problem;
  const psd = problem.options.symmetric;
  if (operator.structure === "diagonal") {
    const { n, m } = operator;
    const a = new Float64Array(m * n);
    for (let i = 0; i < m; i++) {
      const ai = operator.matrix(i);
      for (let j = 0; j < n; j++) a[i * n + j] = ai[j * n + j]!;
    }
    return minNuclearNormDiagonal(a, y, { psd });
  }
  return Promise.resolve(minNuclearNorm(operator, y, { ...options, psd }));
}
