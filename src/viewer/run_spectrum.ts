import type { RunTrace } from "./run_trace.ts";
import { singularValues } from "../math/singular_values.ts";

/** A run's singular values over time, as chart columns. */
export interface RunSpectrum {
  /** Steps of the values. */
  readonly steps: ArrayLike<number>;
  /** `values[k]` is σₖ₊₁ at each step (largest first; NaN where a record lacks it). */
  readonly values: ArrayLike<number>[];
}

/**
 * The singular values of a run's predictor matrix over time, largest first:
 * from its `sv_0`, `sv_1`, … metrics when it has them (the analysis computes
 * them at every record from the full matrix, however large), else from the
 * matrix predictors its records carry (only matrices of up to 256 entries
 * travel in records). Null when the run has neither.
 *
 * This module is browser compatible.
 *
 * @param trace The run's records as columns.
 * @returns The spectrum, or null.
 *
 * @example Usage
 * ```ts
 * import { runSpectrum } from "./run_spectrum.ts";
 * import { createRunTrace } from "./run_trace.ts";
 * import assert from "node:assert/strict";
 *
 * const trace = createRunTrace();
 * trace.add({
 *   type: "snapshot", run: "r", step: 10, wall: 0, status: "running", trigger: "schedule",
 *   metrics: { sv_0: 3, sv_1: 0.5 },
 * });
 * assert.deepEqual(runSpectrum(trace)!.values, [[3], [0.5]]);
 * ```
 */
export function runSpectrum(trace: RunTrace): RunSpectrum | null {
  const named: [number, number[]][] = [];
  for (const [name, column] of trace.metrics) {
    const k = /^sv_(\d+)$/.exec(name);
    if (k) named.push([Number(k[1]), column]);
  }
  if (named.length > 0) {
    return { steps: trace.steps, values: named.sort((a, b) => a[0] - b[0]).map(([, column]) => column) };
  }
  const matrices = trace.predictors.filter((p) => p.predictor.shape.length === 2);
  if (matrices.length === 0) return null;
  const [rows, cols] = matrices[0]!.predictor.shape as [number, number];
  const sv = matrices.map((p) => Array.from(singularValues(p.predictor.data, rows)));
  return {
    steps: matrices.map((p) => p.step),
    values: Array.from({ length: Math.min(rows, cols) }, (_, k) => sv.map((s) => s[k]!)),
  };
}
