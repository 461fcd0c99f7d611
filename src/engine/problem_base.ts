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
}
