import { z } from "zod";
import { count } from "../../spec/schema_fields.ts";
import { MeasurementsSpecSchema } from "../shared/data_schema.ts";
import { checkMatrixSensing } from "../shared/_check_factorized.ts";

/** Matrix sensing with a factorized X = UUᵀ (symmetric) or UVᵀ, U and V of n×rank. */
export const MatrixSensingSchema = z.strictObject({
  kind: z.literal("matrix-sensing"),
  n: count.max(1000),
  /** Width of the factors (default n: full rank, no rank constraint). */
  rank: count.max(4096).optional(),
  symmetric: z.boolean().default(true),
  /** `mean`: L = (1/2m)·Σ rᵢ²; `sum`: L = ½·Σ rᵢ². */
  reduction: z.enum(["sum", "mean"]).default("mean"),
  measurements: MeasurementsSpecSchema,
}).superRefine(checkMatrixSensing);

/** A validated matrix sensing problem spec. */
export type MatrixSensingSpec = z.output<typeof MatrixSensingSchema>;
