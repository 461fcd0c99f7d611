import type { z } from "zod";
import { multiclassMargin } from "../../math/multiclass_margin.ts";
import { classificationMetrics } from "../../operators/classification_metrics.ts";
import type { ProblemKind } from "../shared/problem_kind.ts";
import { compileMulticlass } from "./compile_multiclass.ts";
import type { Multiclass } from "./multiclass.ts";
import { multiclassPresets } from "./multiclass_presets.ts";
import { multiclassReference } from "./multiclass_reference.ts";
import { MulticlassSchema, type MulticlassSpec } from "./multiclass_schema.ts";

/**
 * Multiclass softmax cross-entropy with a linear predictor W: GD goes to the multiclass SVM
 * (docs/experiments.md §3).
 *
 * @example Usage
 * ```ts
 * import { multiclassKind } from "./multiclass_kind.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(multiclassKind.kind, "multiclass");
 * ```
 */
export const multiclassKind: ProblemKind<"multiclass", MulticlassSpec, z.input<typeof MulticlassSchema>, Multiclass> = {
  kind: "multiclass",
  schema: MulticlassSchema,
  defaultInit: { kind: "zeros" },
  compile: compileMulticlass,
  reference: multiclassReference,
  analysis(problem, run, reference) {
    const { x, y } = problem.data, classes = problem.classes;
    const marginOf = (w: Float64Array, p: number) => multiclassMargin(x, y, w, { classes, p });
    return classificationMetrics(run, marginOf, problem.test, reference, classes);
  },
  presets: multiclassPresets,
};
