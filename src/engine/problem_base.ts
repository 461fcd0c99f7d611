import type { Tensor } from "../math/tensor.ts";

/**
 * A differentiable training objective over a flat float64 parameter vector:
 * what every optimizer and engine works on.
 */
export interface ProblemBase {
  /** The problem kind, as in the spec. */
  readonly kind: string;
  /** Number of parameters. */
  readonly size: number;
  /** Number of examples, over which SGD samples batches. */
  readonly examples: number;
  /**
   * Writes ∇L(params) into `grad` (overwriting it) in one pass over the data.
   * With `rows`, only the first `count` listed examples enter the loss (a batch),
   * with the problem's reduction applied to the batch.
   *
   * @returns L(params) when `wantLoss`, else 0.
   */
  gradient(
    params: Float64Array,
    grad: Float64Array,
    wantLoss: boolean,
    rows?: Uint32Array,
    count?: number,
  ): number;
  /**
   * Optional: writes ∇ log L(params) = ∇L/L into `grad` and returns log L,
   * computed without underflow when every margin is huge (where L itself
   * rounds to 0). Normalized GD uses it when present.
   */
  logGradient?(params: Float64Array, grad: Float64Array): number;
  /** The end-to-end object the theorems are about (β for linear models), as a copy. */
  predictor(params: Float64Array): Tensor;
  /** Named parameter tensors (copies), e.g. `{ w }`. */
  params(params: Float64Array): Record<string, Tensor>;
  /** A Lipschitz constant of ∇L over all parameters, when one exists (for step-size warnings). */
  smoothness(): number | null;
  /**
   * Optional, for factorized problems: the parameters at which every factor is
   * s times a (rectangular) identity, e.g. U₀ = s·I; the `identity` init uses it.
   */
  identityParams?(scale: number): Float64Array;
  /**
   * Optional, for networks (`mlp`): the `pytorch`, `balanced` and
   * `unbalanced` inits, which depend on the layer shapes.
   */
  networkInit?(spec: { kind: "pytorch" | "balanced" | "unbalanced"; seed: number; spread?: number }): Float64Array;
  /**
   * Optional, for networks (`mlp`): Path-SGD's scale γₑ of every parameter,
   * written into `gamma`; returns the squared ℓ2 path norm π.
   */
  pathGamma?(params: Float64Array, gamma: Float64Array): number;
  /**
   * Optional (`mlp`): one SGD step without momentum fused into the backward
   * pass, params ← params − lr·∇L_batch(params) for the `count` examples
   * listed in `rows` (1 to {@link ProblemBase.fusedBatch}), with no gradient
   * buffer and no separate update pass. Returns false, leaving params
   * unchanged, when a backward signal is not finite.
   */
  sgdStep?(params: Float64Array, lr: number, rows: Uint32Array, count: number): boolean;
  /** The largest batch {@link ProblemBase.sgdStep} takes. */
  readonly fusedBatch?: number;
}
