import { z } from "zod";
import { RegressionDataSpecSchema } from "../shared/data_schema.ts";

/** Least squares with a linear predictor β: L = ½Σₙ(⟨β, xₙ⟩ − yₙ)² (`sum`) or its mean. */
export const LeastSquaresSchema = z.strictObject({
  kind: z.literal("least-squares"),
  reduction: z.enum(["sum", "mean"]).default("sum"),
  data: RegressionDataSpecSchema,
  /** A held-out set for `test_mse` (and `test_error` when its targets are ±1). */
  test: RegressionDataSpecSchema.optional(),
});

/** A validated least-squares problem spec. */
export type LeastSquaresSpec = z.output<typeof LeastSquaresSchema>;
