import { z } from "zod";
import { MnistDataSchema } from "../mnist/mnist_spec.ts";

/** The widest hidden layer an `mlp` spec may ask for. */
export const MAX_MLP_WIDTH = 16384;
/** The most hidden layers an `mlp` spec may ask for. */
export const MAX_MLP_LAYERS = 16;

const finite = z.number().refine(Number.isFinite, { message: "Expected a finite number" });

/** Points given inline: `x` is n rows of d features, `y` the labels (0..k−1 for cross-entropy, ±1 for binary losses). */
const MlpPointsSchema = z.strictObject({
  kind: z.literal("points"),
  x: z.array(z.array(finite)).min(1, { message: "Expected at least one point (n = 0)" }),
  y: z.array(finite),
});

/** Points read from a CSV file: each row is features…, label; an optional header. */
const MlpCsvSchema = z.strictObject({ kind: z.literal("csv"), path: z.string().min(1) });

/** Where an `mlp`'s examples come from: inline points, a CSV file, or MNIST. */
export const MlpDataSpecSchema = z.discriminatedUnion("kind", [MlpPointsSchema, MlpCsvSchema, MnistDataSchema]);

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
