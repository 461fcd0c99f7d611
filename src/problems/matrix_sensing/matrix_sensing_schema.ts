import { z } from "zod";
import { count } from "../../spec/schema_fields.ts";
import { MeasurementsSpecSchema } from "../shared/data_schema.ts";
import { checkMatrixSensing } from "../shared/_check_factorized.ts";
import { checkOnebitLabels, withSensingReduction } from "./_check_onebit.ts";

/** Matrix sensing with a factorized X = UUᵀ (symmetric) or UVᵀ, U and V of n×rank. */
export const MatrixSensingSchema = z.strictObject({
  kind: z.literal("matrix-sensing"),
  n: count.max(1000),
  /** Width of the factors (default n: full rank, no rank constraint). */
  rank: count.max(4096).optional(),
  symmetric: z.boolean().default(true),
  /** `squared` (when omitted): L on rᵢ = ⟨Aᵢ, X⟩ − yᵢ; `logistic`/`exp`: L = Σᵢ ℓ(yᵢ⟨Aᵢ, X⟩) on labels yᵢ = ±1 (1-bit sensing). */
  loss: z.enum(["squared", "logistic", "exp"]).optional(),
  /** `mean`: L = (1/2m)·Σ rᵢ² (or (1/m)·Σ ℓ); `sum`: L = ½·Σ rᵢ² (or Σ ℓ). Default: mean, sum for classification. */
  reduction: z.enum(["sum", "mean"]).optional(),
  measurements: MeasurementsSpecSchema,
}).superRefine(checkMatrixSensing).superRefine(checkOnebitLabels).transform(withSensingReduction);

/** A validated matrix sensing problem spec. */
export type MatrixSensingSpec = z.output<typeof MatrixSensingSchema>;
