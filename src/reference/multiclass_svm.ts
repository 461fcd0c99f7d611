import { keslerRows } from "../math/kesler_rows.ts";
import { MAX_MARGIN_L2_MAX_ENTRIES, maxMarginL2 } from "./max_margin_l2.ts";
import type { ReferenceResult } from "./reference.ts";

/**
 * The multiclass hard-margin SVM of Crammer & Singer without bias:
 * Ŵ = argmin ½‖W‖²_F s.t. ⟨w_{yₙ} − w_c, xₙ⟩ ≥ 1 for all n and c ≠ yₙ. GD on
 * separable data with the softmax cross-entropy converges in direction to Ŵ
 * (Soudry et al., JMLR 2018, §4.1).
 *
 * The constraints are ⟨z_{n,c}, vec W⟩ ≥ 1 for the Kesler rows
 * z_{n,c} = (e_{yₙ} − e_c) ⊗ xₙ, so this is the binary QP of
 * {@link maxMarginL2} on those rows (HiGHS, then made exact on the active set).
 *
 * @param x The examples, row-major n×d.
 * @param labels Their classes, integers in 0..k−1.
 * @param k The number of classes.
 * @returns Ŵ (shape [k, d], row-major) with its margin 1/‖Ŵ‖_F and the active
 *   (example, class) rows as indices n·(k−1) + (position of c among c ≠ yₙ),
 *   or the reason there is none.
 *
 * @example Usage
 * ```ts
 * import { multiclassSvm } from "./multiclass_svm.ts";
 * import assert from "node:assert/strict";
 *
 * // Two classes on a line: W = [−ŵ/2; ŵ/2] with ŵ = 1/2 the binary SVM.
 * const ref = await multiclassSvm(new Float64Array([2, -2]), new Float64Array([1, 0]), 2);
 * assert.ok(ref.predictor !== null);
 * assert.deepEqual(ref.predictor.shape, [2, 1]);
 * assert.ok(Math.abs(ref.predictor.data[1]! - 0.25) < 1e-12);
 * ```
 */
export async function multiclassSvm(x: Float64Array, labels: Float64Array, k: number): Promise<ReferenceResult> {
  const n = labels.length;
  if (n === 0 || x.length % n !== 0) {
    throw new RangeError(`Cannot solve the multiclass SVM: ${x.length} entries do not split into ${n} examples`);
  }
  const d = x.length / n;
  const entries = n * (k - 1) * k * d;
  if (entries > MAX_MARGIN_L2_MAX_ENTRIES) {
    return {
      kind: "multiclass-svm",
      predictor: null,
      error: `The data are too large for the exact multiclass SVM (${n}·${k - 1} constraints × ${
        k * d
      } weights > ${MAX_MARGIN_L2_MAX_ENTRIES} entries)`,
    };
  }
  const ref = await maxMarginL2(keslerRows(x, labels, k), k * d);
  if (ref.predictor === null) {
    return {
      kind: "multiclass-svm",
      predictor: null,
      error: ref.error.replace("linearly separable", "separable by a linear k-class predictor"),
    };
  }
  return {
    kind: "multiclass-svm",
    predictor: { shape: [k, d], data: ref.predictor.data },
    ...(ref.margin === undefined ? {} : { margin: ref.margin }),
    ...(ref.support === undefined ? {} : { support: ref.support }),
  };
}
