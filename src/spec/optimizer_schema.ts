import { z } from "zod";
import { finite, positive, seed } from "./schema_fields.ts";

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
]);

/** A validated optimizer spec. */
export type OptimizerSpec = z.output<typeof OptimizerSpecSchema>;
