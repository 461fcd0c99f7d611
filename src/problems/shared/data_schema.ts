import { z } from "zod";
import { count, finite, positive, seed } from "../../spec/schema_fields.ts";

/** Labelled points given inline: `x` is n rows of d features, `y` the n labels (±1). */
export const PointsDataSchema = z.strictObject({
  kind: z.literal("points"),
  x: z.array(z.array(finite)).min(1, { message: "Expected at least one point (n = 0)" }),
  y: z.array(finite),
}).superRefine((data, ctx) => {
  checkPointsShape(data, ctx);
  data.y.forEach((label, i) => {
    if (label !== 1 && label !== -1) {
      ctx.addIssue({ code: "custom", path: ["y", i], input: label, message: "Expected a label of -1 or 1" });
    }
  });
});

/** The shape checks of inline points: d ≥ 1 features in every row, one target per row. */
function checkPointsShape(data: { x: number[][]; y: number[] }, ctx: z.RefinementCtx): void {
  const d = data.x[0]?.length ?? 0;
  if (d === 0) {
    ctx.addIssue({
      code: "custom",
      path: ["x", 0],
      input: data.x[0],
      message: "Expected at least one feature per point",
    });
  }
  data.x.forEach((row, i) => {
    if (row.length !== d) {
      ctx.addIssue({
        code: "custom",
        path: ["x", i],
        input: row,
        message: `Expected ${d} features like x[0] (ragged rows) but found ${row.length}`,
      });
    }
  });
  if (data.y.length !== data.x.length) {
    ctx.addIssue({
      code: "custom",
      path: ["y"],
      input: data.y.length,
      message: `Expected one label per point (${data.x.length}) but found ${data.y.length} labels`,
    });
  }
}

/** The most values (n × d) a generated data set may have: 2²⁷ float64, 1 GiB. */
export const MAX_GENERATED_VALUES = 2 ** 27;

function checkGeneratedSize(data: { n: number; d: number }, ctx: z.RefinementCtx): void {
  if (data.n * data.d > MAX_GENERATED_VALUES) {
    ctx.addIssue({
      code: "custom",
      path: ["n"],
      input: data.n,
      message: `Expected at most ${MAX_GENERATED_VALUES} values (n × d) in generated data but n × d = ${
        data.n * data.d
      }`,
    });
  }
}

/** Linearly separable Gaussian data with a margin around a random unit teacher. */
export const SeparableDataSchema = z.strictObject({
  kind: z.literal("separable"),
  n: z.number().int().min(1, { message: "Expected at least one point (n ≥ 1)" }),
  d: z.number().int().min(1),
  margin: finite.refine((v) => v >= 0 && v <= 3, { message: "Expected a margin in [0, 3]" }).default(0.1),
  seed: seed.default(0),
}).superRefine(checkGeneratedSize);

/** Points read from a CSV file: each row is features…, label (±1); an optional header. */
export const CsvDataSchema = z.strictObject({
  kind: z.literal("csv"),
  path: z.string().min(1),
});

/** Names of the data sets that ship with biasflow. */
export const DATASET_NAMES = ["soudry-fig1"] as const;

/** A named data set that ships with biasflow. */
export const NamedDataSchema = z.strictObject({
  kind: z.literal("dataset"),
  name: z.enum(DATASET_NAMES),
});

/** Where a problem's labelled examples come from. */
export const DataSpecSchema = z.discriminatedUnion("kind", [
  PointsDataSchema,
  SeparableDataSchema,
  CsvDataSchema,
  NamedDataSchema,
]);

/** Points given inline with real targets (least squares) or class indices (multiclass, checked by the problem). */
export const TargetPointsDataSchema = z.strictObject({
  kind: z.literal("points"),
  x: z.array(z.array(finite)).min(1, { message: "Expected at least one point (n = 0)" }),
  y: z.array(finite),
}).superRefine(checkPointsShape);

/** Gaussian regression data: x ~ N(0, I_d), y = ⟨β*, x⟩ + noise·ε with a seeded teacher β* ~ N(0, I_d/d). */
export const GaussianRegressionDataSchema = z.strictObject({
  kind: z.literal("gaussian"),
  n: z.number().int().min(1, { message: "Expected at least one point (n ≥ 1)" }),
  d: z.number().int().min(1),
  noise: finite.refine((v) => v >= 0, { message: "Expected a noise level ≥ 0" }).default(0),
  seed: seed.default(0),
}).superRefine(checkGeneratedSize);

/** Wilson et al. (2017)'s construction where adaptive methods generalize worse; P(y = +1) = p. */
export const WilsonDataSchema = z.strictObject({
  kind: z.literal("wilson"),
  n: z.number().int().min(1, { message: "Expected at least one point (n ≥ 1)" }),
  p: finite.refine((v) => v > 0.5 && v < 1, { message: "Expected a probability p of +1 in (0.5, 1)" }).default(0.75),
  seed: seed.default(0),
});

/** Where a least-squares problem's examples and real targets come from. */
export const RegressionDataSpecSchema = z.discriminatedUnion("kind", [
  TargetPointsDataSchema,
  CsvDataSchema,
  GaussianRegressionDataSchema,
  WilsonDataSchema,
]);

/** Separable k-class data: x ~ N(0, I_d), labels argmax of a seeded teacher W*x, balanced, with a score gap ≥ margin. */
export const SeparableMulticlassDataSchema = z.strictObject({
  kind: z.literal("separable"),
  n: z.number().int().min(1, { message: "Expected at least one point (n ≥ 1)" }),
  d: z.number().int().min(1),
  classes: z.number().int().min(2, { message: "Expected at least 2 classes" }).max(1000),
  margin: finite.refine((v) => v >= 0 && v <= 3, { message: "Expected a margin in [0, 3]" }).default(0.1),
  seed: seed.default(0),
}).superRefine(checkGeneratedSize);

/** Where a multiclass problem's examples and labels 0..k−1 come from. */
export const MulticlassDataSpecSchema = z.discriminatedUnion("kind", [
  TargetPointsDataSchema,
  CsvDataSchema,
  SeparableMulticlassDataSchema,
]);

const generatedMeasurements = {
  /** Number of measurements. */
  m: count,
  /** Rank of the generated ground truth X*. */
  truthRank: count,
  seed: seed.default(0),
  /** ‖X*‖_* (the truth is scaled to this nuclear norm). */
  scale: positive.default(1),
};

/** Sensing matrices given inline: `a` is m matrices of n×n, `y` the m measurements, `truth` optional X*. */
export const PointsMeasurementsSchema = z.strictObject({
  kind: z.literal("points"),
  a: z.array(z.array(z.array(finite))).min(1, { message: "Expected at least one measurement (m = 0)" }),
  y: z.array(finite),
  truth: z.array(z.array(finite)).optional(),
});

/**
 * Gaussian sensing: Aᵢ with i.i.d. N(0, 1) entries (symmetrized, (B + Bᵀ)/2, for symmetric
 * problems); `rng: "numpy"` draws them from NumPy's legacy stream in Wu & Rebeschini's order.
 */
export const GaussianMeasurementsSchema = z.strictObject({
  kind: z.literal("gaussian"),
  ...generatedMeasurements,
  rng: z.enum(["biasflow", "numpy"]).default("biasflow"),
});

/** Matrix completion: m distinct entries of X*, observed without noise. */
export const CompletionMeasurementsSchema = z.strictObject({ kind: z.literal("completion"), ...generatedMeasurements });

/** Commuting (diagonal) sensing: Aᵢ = diag(aᵢ), aᵢ Gaussian; X* diagonal with `truthRank` nonzeros. */
export const DiagonalMeasurementsSchema = z.strictObject({ kind: z.literal("diagonal"), ...generatedMeasurements });

/** Where the measurements yᵢ = ⟨Aᵢ, X*⟩ of a matrix sensing problem come from. */
export const MeasurementsSpecSchema = z.discriminatedUnion("kind", [
  PointsMeasurementsSchema,
  GaussianMeasurementsSchema,
  CompletionMeasurementsSchema,
  DiagonalMeasurementsSchema,
]);

/** A validated data spec. */
export type DataSpec = z.output<typeof DataSpecSchema>;
/** A validated measurements spec. */
export type MeasurementsSpec = z.output<typeof MeasurementsSpecSchema>;
/** A validated data spec of a least-squares problem. */
export type RegressionDataSpec = z.output<typeof RegressionDataSpecSchema>;
/** A validated data spec of a multiclass problem. */
export type MulticlassDataSpec = z.output<typeof MulticlassDataSpecSchema>;
