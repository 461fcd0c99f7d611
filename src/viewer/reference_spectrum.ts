import { singularValues } from "../math/singular_values.ts";

/** The singular values of a run's reference matrix X̄, as the spectrum view draws them. */
export interface ReferenceSpectrum {
  /** σₖ(X̄), largest first (at most `count`), scaled when `scaled`. */
  readonly values: number[];
  /** Whether they were rescaled to the run's ‖X‖_* (max-margin references fix only a direction). */
  readonly scaled: boolean;
}

/**
 * The spectrum of a run's reference matrix X̄, for drawing beside the run's
 * σₖ(X) over time. The minimum nuclear norm solution of matrix sensing is
 * the limit itself, so its σₖ are drawn as they are; a max-margin reference
 * (1-bit sensing, kind `max-margin-…`) is a direction, scaled to margin 1,
 * while the run's X grows without bound: its σₖ are rescaled to the run's
 * latest ‖X‖_*, so that the two spectra compare in shape.
 *
 * This module is browser compatible.
 *
 * @param reference The run's reference (kind, shape, entries), or null.
 * @param runNuclear The run's latest ‖X‖_* (its `norm_nuclear`), or NaN.
 * @param count How many values at most (default 16, as the run's `sv_k`).
 * @returns The values (those above 1e-9·σ₁), or null when the reference is
 *   not a matrix.
 *
 * @example Usage
 * ```ts
 * import { referenceSpectrum } from "./reference_spectrum.ts";
 * import assert from "node:assert/strict";
 *
 * const ref = { kind: "max-margin-nuclear", shape: [2, 2], data: [1, 0, 0, -1] };
 * assert.deepEqual(referenceSpectrum(ref, 10), { values: [5, 5], scaled: true });
 * ```
 */
export function referenceSpectrum(
  reference: { kind: string; shape: number[]; data: ArrayLike<number> } | null,
  runNuclear: number,
  count = 16,
): ReferenceSpectrum | null {
  if (reference === null || reference.shape.length !== 2) return null;
  const rows = reference.shape[0]!;
  // X̄ is exactly low-rank (thresholded): values below 1e-9·σ₁ are rounding, left out of a log axis.
  const all = Array.from(singularValues(reference.data, rows)), top = all[0] ?? 0;
  const sv = all.slice(0, count).filter((v) => v > 1e-9 * top);
  const total = sv.reduce((a, b) => a + b, 0);
  if (!reference.kind.startsWith("max-margin") || !(runNuclear > 0) || !(total > 0)) {
    return { values: sv, scaled: false };
  }
  return { values: sv.map((v) => (v * runNuclear) / total), scaled: true };
}
