import { z } from "zod";
import { CsvDataSchema, TargetPointsDataSchema } from "../shared/data_schema.ts";
import { MnistDataSchema } from "../shared/mnist_schema.ts";

/** The widest hidden layer an `mlp` spec may ask for. */
export const MAX_MLP_WIDTH = 16384;
/** The most hidden layers an `mlp` spec may ask for. */
export const MAX_MLP_LAYERS = 16;

/** Where an `mlp`'s examples come from: inline points, a CSV file, or MNIST. */
export const MlpDataSpecSchema = z.discriminatedUnion("kind", [TargetPointsDataSchema, CsvDataSchema, MnistDataSchema]);

/**
 * A multilayer perceptron (`mlp`): hidden widths, activation, bias, loss and
 * its data (see `mlp()` for the model and the flat parameter layout).
 */
export const MlpSchema = z.strictObject({
  kind: z.literal("mlp"),
  /** Hidden layer widths, at least one layer (a width sweep sets widths[0]). */
  widths: z.array(
    z.number().int({ message: "Expected an integer width" }).min(1, { message: "Expected a width ≥ 1" })
      .max(MAX_MLP_WIDTH, { message: `Expected a width of at most ${MAX_MLP_WIDTH}` }),
  ).min(1, { message: "Expected at least one hidden layer (widths is empty)" })
    .max(MAX_MLP_LAYERS, { message: `Expected at most ${MAX_MLP_LAYERS} hidden layers` }),
  activation: z.enum(["relu", "linear"]).default("relu"),
  /** false: every layer bias-free (a ReLU net is then positively homogeneous). */
  bias: z.boolean().default(true),
  /** `cross-entropy`: labels 0..k−1, k outputs; `logistic` / `exp`: labels ±1, one output. */
  loss: z.enum(["cross-entropy", "logistic", "exp"]).default("cross-entropy"),
  /** k (cross-entropy only); default: MNIST's 10 (or the number of `digits`), else 1 + the largest label. */
  classes: z.number().int().min(2, { message: "Expected at least 2 classes" }).max(1000).optional(),
  reduction: z.enum(["sum", "mean"]).default("mean"),
  data: MlpDataSpecSchema,
  /** A held-out set for `test_error` and `test_loss` (its width must match the data's). */
  test: MlpDataSpecSchema.optional(),
}).superRefine((spec, ctx) => {
  if (spec.classes !== undefined && spec.loss !== "cross-entropy") {
    ctx.addIssue({
      code: "custom",
      path: ["classes"],
      input: spec.classes,
      message: `Expected no classes with the ${spec.loss} loss (binary, one output)`,
    });
  }
});

/** A validated `mlp` problem spec. */
export type MlpSpec = z.output<typeof MlpSchema>;
