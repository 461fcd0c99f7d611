import { identity, type OperatorFunction, pipe } from "rxjs";
import type { OptimizerSpec } from "../spec/optimizer_schema.ts";
import type { LabeledData } from "../problems/shared/labeled_data.ts";
import type { ReferenceResult } from "../reference/reference.ts";
import type { Snapshot } from "../engine/snapshot.ts";
import { angleGap } from "./angle_gap.ts";
import { cosineTo } from "./cosine_to.ts";
import { distTo } from "./dist_to.ts";
import { metric } from "./metric.ts";
import { testError } from "./test_error.ts";
import { runNorm } from "./_run_norm.ts";

/** Norms of the max-margin references, by kind. */
const REFERENCE_NORM: Readonly<Record<string, number>> = {
  "max-margin-l1": 1,
  "max-margin-l2": 2,
  "max-margin-linf": Infinity,
  "multiclass-svm": 2,
};

/** The normalized margin of a predictor in the ℓp norm (binary: minMargin on z; multiclass: multiclassMargin). */
export type MarginOf = (predictor: Float64Array, p: number) => number;

/**
 * Margin metrics of a binary or multiclass classification run, in this order:
 * `margin` in the run's own norm; against the reference `margin_gap` (in the
 * reference's norm) plus, for the unique ℓ2 solutions only, `cos_ref`,
 * `angle_gap` and `dist_ref` (ℓ1/ℓ∞ max-margin solutions need not be unique:
 * compare margins); then `margin_l1`, `margin_l2`, `margin_linf`, and
 * `test_error` when there is a held-out set.
 */
export function classificationMetrics(
  run: { readonly spec: { readonly optimizer: OptimizerSpec } },
  marginOf: MarginOf,
  test: LabeledData | null,
  reference: ReferenceResult,
  classes?: number,
): OperatorFunction<Snapshot, Snapshot> {
  const p = runNorm(run.spec.optimizer);
  const own = metric("margin", (s) => marginOf(s.predictor.data, p));
  const extra = pipe(
    metric("margin_l1", (s) => marginOf(s.predictor.data, 1)),
    metric("margin_l2", (s) => marginOf(s.predictor.data, 2)),
    metric("margin_linf", (s) => marginOf(s.predictor.data, Infinity)),
    test === null ? identity : testError(test, classes === undefined ? {} : { classes }),
  );
  if (reference.predictor === null) return pipe(own, extra);
  const refNorm = REFERENCE_NORM[reference.kind] ?? 2;
  const refMargin = reference.margin ?? NaN;
  const unique = refNorm === 2;
  return pipe(
    own,
    unique ? pipe(cosineTo(reference.predictor), angleGap(reference.predictor)) : identity,
    metric("margin_gap", (s) => refMargin - marginOf(s.predictor.data, refNorm)),
    unique ? distTo(reference.predictor) : identity,
    extra,
  );
}
