import { z } from "zod";
import { MulticlassDataSpecSchema } from "../shared/data_schema.ts";

/** Multiclass softmax cross-entropy with a linear predictor W ∈ ℝ^{k×d} (no bias). */
export const MulticlassSchema = z.strictObject({
  kind: z.literal("multiclass"),
  /** The number of classes k (default: from the data). */
  classes: z.number().int().min(2, { message: "Expected at least 2 classes" }).max(1000).optional(),
  reduction: z.enum(["sum", "mean"]).default("sum"),
  data: MulticlassDataSpecSchema,
  /** A held-out set for `test_error` (argmax). */
  test: MulticlassDataSpecSchema.optional(),
}).superRefine((problem, ctx) => {
  for (const field of ["data", "test"] as const) {
    const data = problem[field];
    if (data?.kind !== "points") continue;
    data.y.forEach((label, i) => {
      if (!Number.isInteger(label) || label < 0 || (problem.classes !== undefined && label >= problem.classes)) {
        const range = problem.classes === undefined ? "an integer ≥ 0" : `an integer in 0..${problem.classes - 1}`;
        ctx.addIssue({
          code: "custom",
          path: [field, "y", i],
          input: label,
          message: `Expected a class label, ${range}`,
        });
      }
    });
  }
});

/** A validated multiclass problem spec. */
export type MulticlassSpec = z.output<typeof MulticlassSchema>;
