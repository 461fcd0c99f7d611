import { z } from "zod";
import { count } from "../../spec/schema_fields.ts";
import { DataSpecSchema } from "../shared/data_schema.ts";

/** An L-layer full-width circular convolutional linear network (Gunasekar et al. 2018); β = d^{-(L-1)/2}·w₁∗⋯∗w_L. */
export const LinearConvNetSchema = z.strictObject({
  kind: z.literal("linear-conv-net"),
  depth: count.max(64),
  loss: z.enum(["logistic", "exp"]).default("logistic"),
  reduction: z.enum(["sum", "mean"]).default("sum"),
  data: DataSpecSchema,
  /** A held-out set for `test_error`. */
  test: DataSpecSchema.optional(),
});

/** A validated linear convolutional net problem spec. */
export type LinearConvNetSpec = z.output<typeof LinearConvNetSchema>;
