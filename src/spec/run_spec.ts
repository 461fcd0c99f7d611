import { z } from "zod";
import { defaultInit } from "./default_init.ts";
import { checkLinearNet, checkMatrixSensing } from "./_check_factorized.ts";
import { MnistDataSchema } from "../problems/mnist/mnist_spec.ts";
import { MlpSchema } from "../problems/mlp/mlp_spec.ts";

const finite = z.number().refine(Number.isFinite, { message: "Expected a finite number" });
const positive = finite.refine((v) => v > 0, { message: "Expected a number greater than 0" });
const seed = z.number().int().min(0).max(2 ** 32 - 1);

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
  MnistDataSchema,
]);

/** Binary classification with a homogeneous linear predictor. */
export const LinearClassificationSchema = z.strictObject({
  kind: z.literal("linear-classification"),
  loss: z.enum(["logistic", "exp"]).default("logistic"),
  reduction: z.enum(["sum", "mean"]).default("sum"),
  data: DataSpecSchema,
  /** A held-out set for `test_error`. */
  test: DataSpecSchema.optional(),
});

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

/** Least squares with a linear predictor β: L = ½Σₙ(⟨β, xₙ⟩ − yₙ)² (`sum`) or its mean. */
export const LeastSquaresSchema = z.strictObject({
  kind: z.literal("least-squares"),
  reduction: z.enum(["sum", "mean"]).default("sum"),
  data: RegressionDataSpecSchema,
  /** A held-out set for `test_mse` (and `test_error` when its targets are ±1). */
  test: RegressionDataSpecSchema.optional(),
});

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
  MnistDataSchema,
]);

/** Multiclass softmax cross-entropy with a linear predictor W ∈ ℝ^{k×d} (no bias). */
export const MulticlassSchema = z.strictObject({
  kind: z.literal("multiclass"),
  /** The number of classes k (default: from the data). */
  classes: z.number().int().min(2, { message: "Expected at least 2 classes" }).max(1000).optional(),
  reduction: z.enum(["sum", "mean"]).default("sum"),
  data: MulticlassDataSpecSchema,
  /** A held-out set for `test_error` (argmax). */
  test: MulticlassDataSpecSchema.optional(),
}).superRefine((problem, ctx) => {
  for (const field of ["data", "test"] as const) {
    const data = problem[field];
    if (data?.kind !== "points") continue;
    data.y.forEach((label, i) => {
      if (!Number.isInteger(label) || label < 0 || (problem.classes !== undefined && label >= problem.classes)) {
        const range = problem.classes === undefined ? "an integer ≥ 0" : `an integer in 0..${problem.classes - 1}`;
        ctx.addIssue({
          code: "custom",
          path: [field, "y", i],
          input: label,
          message: `Expected a class label, ${range}`,
        });
      }
    });
  }
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
  /** A held-out set for `test_error`. */
  test: DataSpecSchema.optional(),
}).superRefine(checkLinearNet);

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

/** The objective being minimized and its data. */
export const ProblemSpecSchema = z.discriminatedUnion("kind", [
  LinearClassificationSchema,
  MulticlassSchema,
  LeastSquaresSchema,
  MatrixSensingSchema,
  LinearNetSchema,
  LinearConvNetSchema,
  MlpSchema,
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

const unitInterval = finite.refine((v) => v >= 0 && v < 1, { message: "Expected a number in [0, 1)" });
const epsilon = finite.refine((v) => v >= 0, { message: "Expected an epsilon ≥ 0" });

/** AdaGrad as in `torch.optim.Adagrad`: s ← s + g², w ← w − lr·g/(√s + eps). */
export const AdagradSchema = z.strictObject({
  kind: z.literal("adagrad"),
  lr: positive.default(0.01),
  eps: epsilon.default(1e-10),
});

/** RMSProp as in `torch.optim.RMSprop`: v ← αv + (1 − α)g², w ← w − lr·g/(√v + eps), optional momentum and centering. */
export const RmspropSchema = z.strictObject({
  kind: z.literal("rmsprop"),
  lr: positive.default(0.01),
  alpha: unitInterval.default(0.99),
  eps: epsilon.default(1e-8),
  momentum: unitInterval.default(0),
  centered: z.boolean().default(false),
});

/** Adam as in `torch.optim.Adam` (bias-corrected moments). */
export const AdamSchema = z.strictObject({
  kind: z.literal("adam"),
  lr: positive.default(1e-3),
  beta1: unitInterval.default(0.9),
  beta2: unitInterval.default(0.999),
  eps: epsilon.default(1e-8),
});

/** An ℓp norm: `l1`, `l2`, `linf`, or an order p ≥ 1. */
export const NormSchema = z.union([z.enum(["l1", "l2", "linf"]), finite], {
  error: 'Expected a norm: "l1", "l2", "linf" or a number p ≥ 1',
}).refine((v) => typeof v === "string" || v >= 1, {
  message: "Expected a norm order p ≥ 1 (ℓp with p < 1 is not a norm)",
});

/**
 * Steepest descent w.r.t. an ℓp norm with the unnormalized step of Boyd &
 * Vandenberghe §9.4: Δw = −lr·‖∇L‖_*·v, v = argmax_{‖v‖ ≤ 1} ⟨∇L, v⟩ (`l2` is GD).
 */
export const SteepestSchema = z.strictObject({
  kind: z.literal("steepest"),
  norm: NormSchema,
  lr: positive.default(0.1),
});

/** Coordinate descent: one coordinate per step, w_j ← w_j − lr·∂_jL, chosen in turn (`cyclic`) or by largest |∂_jL| (`greedy`). */
export const CoordinateSchema = z.strictObject({
  kind: z.literal("coordinate"),
  rule: z.enum(["cyclic", "greedy"]).default("cyclic"),
  lr: positive.default(0.1),
});

/** Mirror descent with the potential ψ(w) = ½‖w‖²_p, 1 < p < ∞: ∇ψ(w) ← ∇ψ(w) − lr·∇L(w). */
export const MirrorSchema = z.strictObject({
  kind: z.literal("mirror"),
  p: finite.refine((v) => v > 1, { message: "Expected an order p > 1 (½‖w‖²_p is not differentiable at p = 1)" }),
  lr: positive.default(0.1),
});

/**
 * Path-SGD (Neyshabur, Salakhutdinov & Srebro 2015), `mlp` only: minibatch SGD
 * whose step on each weight is divided by its path scale γₑ(w).
 */
export const PathSgdSchema = z.strictObject({
  kind: z.literal("path-sgd"),
  lr: positive.default(0.1),
  batch: z.number().int().min(1).default(1),
  seed: seed.default(0),
  momentum: finite.refine((v) => v >= 0 && v < 1, { message: "Expected a momentum in [0, 1)" }).default(0),
});

/** The update rule. */
export const OptimizerSpecSchema = z.discriminatedUnion("kind", [
  GdSchema,
  NormalizedGdSchema,
  SgdSchema,
  AdagradSchema,
  RmspropSchema,
  AdamSchema,
  SteepestSchema,
  CoordinateSchema,
  MirrorSchema,
  PathSgdSchema,
]);

/** The initial parameters. */
export const InitSpecSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("zeros") }),
  z.strictObject({ kind: z.literal("gaussian"), scale: finite.default(1e-3), seed: seed.default(0) }),
  z.strictObject({ kind: z.literal("values"), values: z.array(finite).min(1) }),
  /** Every factor s·I (rectangular identities): U₀ = s·I for matrix sensing; factorized problems only. */
  z.strictObject({ kind: z.literal("identity"), scale: finite.default(1e-3) }),
  /** `mlp` only: PyTorch's nn.Linear default, Path-SGD's balanced start, or a rescaled copy of it (see networkInit). */
  z.strictObject({ kind: z.literal("pytorch"), seed: seed.default(0) }),
  z.strictObject({ kind: z.literal("balanced"), seed: seed.default(0) }),
  z.strictObject({
    kind: z.literal("unbalanced"),
    seed: seed.default(0),
    spread: finite.refine((v) => v >= 1, { message: "Expected a spread ≥ 1" }).default(10),
  }),
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
    .max(1e15).optional(),
  /** Instead of `steps`: passes over the data, ⌈n / batch⌉ steps each (one step for full-batch optimizers). */
  epochs: z.number().int({ message: "Expected an integer number of epochs" })
    .min(1, { message: "Expected at least 1 epoch" }).max(1e9).optional(),
  record: RecordSpecSchema.default({ perDecade: 20, everyMs: 1000 }),
  backend: BackendSchema.default("auto"),
}).superRefine(checkRunSpec).transform((spec) => ({ ...spec, init: spec.init ?? defaultInit(spec.problem) }));

/** Cross-field checks of a run spec: exactly one of steps and epochs; Path-SGD on `mlp` only. */
function checkRunSpec(
  spec: {
    steps?: number | undefined;
    epochs?: number | undefined;
    problem: { kind: string };
    optimizer: { kind: string };
  },
  ctx: z.RefinementCtx,
): void {
  if ((spec.steps === undefined) === (spec.epochs === undefined)) {
    ctx.addIssue({
      code: "custom",
      path: [spec.steps === undefined ? "steps" : "epochs"],
      input: spec.steps === undefined ? undefined : spec.epochs,
      message: spec.steps === undefined
        ? "Expected a number of steps (or of epochs)"
        : "Expected steps or epochs, not both",
    });
  }
  if (spec.optimizer.kind === "path-sgd" && spec.problem.kind !== "mlp") {
    ctx.addIssue({
      code: "custom",
      path: ["optimizer", "kind"],
      input: "path-sgd",
      message:
        `Expected an mlp problem for path-sgd (its path scales are defined for networks), not ${spec.problem.kind}`,
    });
  }
}

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
/** A validated data spec of a least-squares problem. */
export type RegressionDataSpec = z.output<typeof RegressionDataSpecSchema>;
/** A validated data spec of a multiclass problem. */
export type MulticlassDataSpec = z.output<typeof MulticlassDataSpecSchema>;
