import { identity, type OperatorFunction, pipe } from "rxjs";
import type { CompiledRun } from "../engine/compile_run.ts";
import type { LabeledData } from "../problems/labeled_data.ts";
import type { ReferenceResult } from "../reference/reference.ts";
import type { Snapshot } from "../streams/snapshot.ts";
import { angleGap } from "./angle_gap.ts";
import { cosineTo } from "./cosine_to.ts";
import { distTo } from "./dist_to.ts";
import { margin, type MarginData } from "./margin.ts";
import { marginGap } from "./margin_gap.ts";
import { testError } from "./test_error.ts";
import { runNorm } from "./_run_norm.ts";

/** Norms of the max-margin references, by kind. */
const REFERENCE_NORM: Readonly<Record<string, number>> = {
  "max-margin-l1": 1,
  "max-margin-l2": 2,
  "max-margin-linf": Infinity,
  "multiclass-svm": 2,
};

/**
 * Margin metrics of a (binary or Kesler-expanded multiclass) classification
 * run, in this order: `margin` in the run's own norm; against the reference
 * `margin_gap` (in the reference's norm) plus, for the unique ℓ2 solutions
 * only, `cos_ref`, `angle_gap` and `dist_ref` (ℓ1/ℓ∞ max-margin solutions need
 * not be unique: compare margins); then `margin_l1`, `margin_l2`,
 * `margin_linf`, and `test_error` when there is a held-out set.
 */
export function classificationMetrics(
  run: CompiledRun,
  data: MarginData,
  test: LabeledData | null,
  reference: ReferenceResult,
  classes?: number,
): OperatorFunction<Snapshot, Snapshot> {
  const p = runNorm(run.spec.optimizer);
  const extra = pipe(
    margin(data, { p: 1, name: "margin_l1" }),
    margin(data, { p: 2, name: "margin_l2" }),
    margin(data, { p: Infinity, name: "margin_linf" }),
    test === null ? identity : testError(test, classes === undefined ? {} : { classes }),
  );
  if (reference.predictor === null) return pipe(margin(data, { p }), extra);
  const refNorm = REFERENCE_NORM[reference.kind] ?? 2;
  const unique = refNorm === 2;
  return pipe(
    margin(data, { p }),
    unique ? pipe(cosineTo(reference.predictor), angleGap(reference.predictor)) : identity,
    marginGap(data, reference.margin ?? NaN, { p: refNorm }),
    unique ? distTo(reference.predictor) : identity,
    extra,
  );
}
