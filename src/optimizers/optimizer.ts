import type { Tensor } from "../math/tensor.ts";

/** An update rule bound to a problem, stepping a flat parameter vector in place. */
export interface Optimizer {
  /** The optimizer kind, as in the spec. */
  readonly kind: string;
  /**
   * Takes one step in place.
   *
   * @returns `false`, leaving `params` untouched, when the gradient (or the
   *   loss it needs) is not finite: the run has diverged.
   */
  step(params: Float64Array): boolean;
  /** Copies of the optimizer's state (e.g. its momentum buffer), for snapshots. */
  state(): Record<string, Tensor>;
}
