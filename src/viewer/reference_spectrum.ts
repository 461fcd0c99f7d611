import { singularValues } from "../math/singular_values.ts";
import type { TheoryReference } from "./theory_reference.ts";

/**
 * The singular values of a run's matrix reference X̄ (largest first, those
 * below 10⁻⁹·σ₁ dropped), drawn beside the run's spectrum as the theory
 * layer of the singular-value view: any reference whose shape is
 * [rows, cols] counts, whatever its kind (`min-nuclear-norm`,
 * `min-trace-psd`, and the 1-bit references of the `onebit` branch, which
 * only need to store their X̄ as a 2-D reference for it to appear here).
 * Null for vectors and missing references.
 *
 * A minimum nuclear norm X̄ is the run's limit itself and is drawn as it is;
 * a max-margin X̄ (1-bit sensing, kind `max-margin-…`) is only a direction,
 * scaled to margin 1, while the run's X grows without bound: given the run's
 * latest ‖X‖_* its σₖ are rescaled to that nuclear norm, so that the two
 * spectra compare in shape.
 *
 * This module is browser compatible.
 *
 * @param reference The run's reference.
 * @param runNuclear The run's latest ‖X‖_* (its `norm_nuclear`); NaN (the
 *   default) leaves a max-margin X̄ unscaled.
 * @returns σ₁(X̄) ≥ σ₂(X̄) ≥ … (nonzero ones), or null.
 *
 * @example Usage
 * ```ts
 * import { referenceSpectrum } from "./reference_spectrum.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(referenceSpectrum({ kind: "min-nuclear-norm", shape: [2, 2], data: [3, 0, 0, 0] }), [3]);
 * assert.equal(referenceSpectrum({ kind: "max-margin-l2", shape: [2], data: [1, 1] }), null);
 * assert.deepEqual(referenceSpectrum({ kind: "max-margin-nuclear", shape: [2, 2], data: [1, 0, 0, -1] }, 10), [5, 5]);
 * ```
 */
export function referenceSpectrum(reference: TheoryReference | null, runNuclear = NaN): number[] | null {
  const sv = spectrumOf(reference);
  if (sv === null || !reference!.kind.startsWith("max-margin") || !(runNuclear > 0)) return sv;
  const total = sv.reduce((a, b) => a + b, 0);
  return total > 0 ? sv.map((v) => (v * runNuclear) / total) : sv;
}

function spectrumOf(reference: TheoryReference | null): number[] | null {
  if (!reference || reference.shape.length !== 2) return null;
  const cached = _cache.get(reference);
  if (cached) return cached;
  const [rows, cols] = reference.shape as [number, number]; // row-major, rows × cols
  if (reference.data.length !== rows * cols || rows * cols === 0) return null;
  const sv = Array.from(singularValues(reference.data, rows));
  const out = sv.filter((s) => s > 1e-9 * sv[0]!);
  _cache.set(reference, out);
  return out;
}

// The viewer redraws every frame; an SVD of a 50 × 50 X̄ per redraw would not do.
const _cache = new WeakMap<TheoryReference, number[]>();
