import { z } from "zod";
import { defaultInit } from "./default_init.ts";
import { checkLinearNet, checkMatrixSensing } from "./_check_factorized.ts";

const finite = z.number().refine(Number.isFinite, { message: "Expected a finite number" });
const positive = finite.refine((v) => v > 0, { message: "Expected a number greater than 0" });
const seed = z.number().int().min(0).max(2 ** 32 - 1);

/** Labelled points given inline: `x` is n rows of d features, `y` the n labels (±1). */
export const PointsDataSchema = z.strictObject({
  kind: z.literal("points"),
  x: z.array(z.array(finite)).min(1, { message: "Expected at least one point (n = 0)" }),
  y: z.array(finite),
}).superRefine((data, ctx) => {
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
  data.y.forEach((label, i) => {
    if (label !== 1 && label !== -1) {
      ctx.addIssue({ code: "custom", path: ["y", i], input: label, message: "Expected a label of -1 or 1" });
    }
  });
});

/** Linearly separable Gaussian data with a margin around a random unit teacher. */
export const SeparableDataSchema = z.strictObject({
  kind: z.literal("separable"),
  n: z.number().int().min(1, { message: "Expected at least one point (n ≥ 1)" }),
  d: z.number().int().min(1),
  margin: finite.refine((v) => v >= 0, { message: "Expected a margin ≥ 0" }).default(0.1),
  seed: seed.default(0),
});

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

/** Binary classification with a homogeneous linear predictor. */
export const LinearClassificationSchema = z.strictObject({
  kind: z.literal("linear-classification"),
  loss: z.enum(["logistic", "exp"]).default("logistic"),
  reduction: z.enum(["sum", "mean"]).default("sum"),
  data: DataSpecSchema,
});

const count = z.number().int().min(1);
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

/** A fully connected linear network of `depth` layers on binary classification data; β = (W_L⋯W₁)ᵀ. */
export const LinearNetSchema = z.strictObject({
  kind: z.literal("linear-net"),
  depth: count.max(64),
  /** Hidden widths: one for all, or depth − 1 of them (default: the input dimension d). */
  width: z.union([count.max(4096), z.array(count.max(4096))]).optional(),
  loss: z.enum(["logistic", "exp"]).default("logistic"),
  reduction: z.enum(["sum", "mean"]).default("sum"),
  data: DataSpecSchema,
}).superRefine(checkLinearNet);

/** An L-layer full-width circular convolutional linear network (Gunasekar et al. 2018); β = d^{-(L-1)/2}·w₁∗⋯∗w_L. */
export const LinearConvNetSchema = z.strictObject({
  kind: z.literal("linear-conv-net"),
  depth: count.max(64),
  loss: z.enum(["logistic", "exp"]).default("logistic"),
  reduction: z.enum(["sum", "mean"]).default("sum"),
  data: DataSpecSchema,
});

/** The objective being minimized and its data. */
export const ProblemSpecSchema = z.discriminatedUnion("kind", [
  LinearClassificationSchema,
  MatrixSensingSchema,
  LinearNetSchema,
  LinearConvNetSchema,
]);

const momentumFields = {
  momentum: finite.refine((v) => v >= 0 && v < 1, { message: "Expected a momentum in [0, 1)" }).default(0),
  nesterov: z.boolean().default(false),
};

function nesterovNeedsMomentum(o: { momentum: number; nesterov: boolean }, ctx: z.RefinementCtx): void {
  if (o.nesterov && o.momentum === 0) {
    ctx.addIssue({ code: "custom", path: ["nesterov"], input: true, message: "Nesterov needs a momentum > 0" });
  }
}

/** Full-batch gradient descent, optionally with heavy-ball or Nesterov momentum (PyTorch's form). */
export const GdSchema = z.strictObject({ kind: z.literal("gd"), lr: positive.default(0.1), ...momentumFields })
  .superRefine(nesterovNeedsMomentum);

/** Gradient descent with step size η / L(w) (Nacson et al. 2019). */
export const NormalizedGdSchema = z.strictObject({
  kind: z.literal("normalized-gd"),
  lr: positive.default(0.1),
});

/** Minibatch SGD: reshuffled each epoch; each step uses the batch's loss with the problem's reduction. */
export const SgdSchema = z.strictObject({
  kind: z.literal("sgd"),
  lr: positive.default(0.1),
  batch: z.number().int().min(1).default(1),
  seed: seed.default(0),
  ...momentumFields,
}).superRefine(nesterovNeedsMomentum);

/** The update rule. */
export const OptimizerSpecSchema = z.discriminatedUnion("kind", [GdSchema, NormalizedGdSchema, SgdSchema]);

/** The initial parameters. */
export const InitSpecSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("zeros") }),
  z.strictObject({ kind: z.literal("gaussian"), scale: finite.default(1e-3), seed: seed.default(0) }),
  z.strictObject({ kind: z.literal("values"), values: z.array(finite).min(1) }),
  /** Every factor s·I (rectangular identities): U₀ = s·I for matrix sensing; factorized problems only. */
  z.strictObject({ kind: z.literal("identity"), scale: finite.default(1e-3) }),
]);

/** When snapshots are taken: log-spaced steps plus a wall-clock heartbeat. */
export const RecordSpecSchema = z.strictObject({
  perDecade: z.number().int().min(1).max(1000).default(20),
  everyMs: finite.refine((v) => v >= 0, { message: "Expected a period ≥ 0 ms (0 turns the heartbeat off)" })
    .default(1000),
});

/** Where the updates run. `auto` picks WebGPU only on a hardware adapter. */
export const BackendSchema = z.enum(["auto", "cpu", "webgpu"]);

/** A complete description of one training run: the public, versioned JSON format. */
export const RunSpecSchema = z.strictObject({
  name: z.string().min(1).max(200).optional(),
  problem: ProblemSpecSchema,
  optimizer: OptimizerSpecSchema.default({ kind: "gd", lr: 0.1, momentum: 0, nesterov: false }),
  /** Default: the problem's (`defaultInit`): zeros for linear models, small nonzero for factorized ones. */
  init: InitSpecSchema.optional(),
  steps: z.number().int({ message: "Expected an integer number of steps" })
    .min(1, { message: "Expected at least 1 step" })
    .max(1e15),
  record: RecordSpecSchema.default({ perDecade: 20, everyMs: 1000 }),
  backend: BackendSchema.default("auto"),
}).transform((spec) => ({ ...spec, init: spec.init ?? defaultInit(spec.problem) }));

/** A run spec after validation, with every default filled in. */
export type RunSpec = z.output<typeof RunSpecSchema>;
/** A run spec as written by a user: defaults may be omitted. */
export type RunSpecInput = z.input<typeof RunSpecSchema>;
/** A validated problem spec. */
export type ProblemSpec = RunSpec["problem"];
/** A validated data spec. */
export type DataSpec = z.output<typeof DataSpecSchema>;
/** A validated optimizer spec. */
export type OptimizerSpec = RunSpec["optimizer"];
/** A validated matrix sensing problem spec. */
export type MatrixSensingSpec = z.output<typeof MatrixSensingSchema>;
/** A validated measurements spec. */
export type MeasurementsSpec = z.output<typeof MeasurementsSpecSchema>;
/** A validated init spec. */
export type InitSpec = RunSpec["init"];
/** A backend name. */
export type Backend = RunSpec["backend"];
