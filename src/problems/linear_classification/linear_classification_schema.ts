import { z } from "zod";
import { DataSpecSchema } from "../shared/data_schema.ts";

/** Binary classification with a homogeneous linear predictor. */
export const LinearClassificationSchema = z.strictObject({
  kind: z.literal("linear-classification"),
  loss: z.enum(["logistic", "exp"]).default("logistic"),
  reduction: z.enum(["sum", "mean"]).default("sum"),
  data: DataSpecSchema,
  /** A held-out set for `test_error`. */
  test: DataSpecSchema.optional(),
});

/** A validated linear classification problem spec. */
export type LinearClassificationSpec = z.output<typeof LinearClassificationSchema>;
