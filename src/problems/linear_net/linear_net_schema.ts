import { z } from "zod";
import { count } from "../../spec/schema_fields.ts";
import { DataSpecSchema } from "../shared/data_schema.ts";
import { checkLinearNet } from "../shared/_check_factorized.ts";

/** A fully connected linear network of `depth` layers on binary classification data; β = (W_L⋯W₁)ᵀ. */
export const LinearNetSchema = z.strictObject({
  kind: z.literal("linear-net"),
  depth: count.max(64),
  /** Hidden widths: one for all, or depth − 1 of them (default: the input dimension d). */
  width: z.union([count.max(4096), z.array(count.max(4096))]).optional(),
  loss: z.enum(["logistic", "exp"]).default("logistic"),
  reduction: z.enum(["sum", "mean"]).default("sum"),
  data: DataSpecSchema,
  /** A held-out set for `test_error`. */
  test: DataSpecSchema.optional(),
}).superRefine(checkLinearNet);

/** A validated linear net problem spec. */
export type LinearNetSpec = z.output<typeof LinearNetSchema>;
