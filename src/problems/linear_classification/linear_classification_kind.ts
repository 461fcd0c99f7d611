import { minMargin } from "../../math/min_margin.ts";
import { classificationMetrics } from "../../operators/classification_metrics.ts";
import { loadData } from "../shared/load_data.ts";
import type { ProblemKind } from "../shared/problem_kind.ts";
import { sameWidth } from "../shared/_same_width.ts";
import { type LinearClassification, linearClassification } from "./linear_classification.ts";
import { linearClassificationPresets } from "./linear_classification_presets.ts";
import { classificationReference } from "./linear_classification_reference.ts";
import { LinearClassificationSchema, type LinearClassificationSpec } from "./linear_classification_schema.ts";
import type { z } from "zod";

/**
 * Binary classification with a homogeneous linear predictor: GD-like methods go to the ℓ2 max margin, steepest ℓp
 * descent to the ℓp max margin (docs/experiments.md §1–§3).
 *
 * @example Usage
 * ```ts
 * import { linearClassificationKind } from "./linear_classification_kind.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(linearClassificationKind.kind, "linear-classification");
 * ```
 */
export const linearClassificationKind: ProblemKind<
  "linear-classification",
  LinearClassificationSpec,
  z.input<typeof LinearClassificationSchema>,
  LinearClassification
> = {
  kind: "linear-classification",
  schema: LinearClassificationSchema,
  defaultInit: { kind: "zeros" },
  compile(spec, options) {
    const data = loadData(spec.data, options);
    const test = spec.test
      ? sameWidth(loadData(spec.test, { ...options, path: "problem.test" }), data, "problem.test")
      : null;
    return linearClassification(data, { loss: spec.loss, reduction: spec.reduction, test });
  },
  reference: classificationReference,
  analysis(problem, run, reference) {
    const marginOf = (w: Float64Array, p: number) => minMargin(problem.z, w, p);
    return classificationMetrics(run, marginOf, problem.test, reference);
  },
  presets: linearClassificationPresets,
};
