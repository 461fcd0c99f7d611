import type { Tensor } from "../math/tensor.ts";

/** The solution a theorem predicts for a run, solved exactly. */
export interface Reference {
  /** Which solution, e.g. `max-margin-l2`. */
  readonly kind: string;
  /** The solution, shaped like the run's predictor. */
  readonly predictor: Tensor;
  /** Its normalized margin in the reference's norm (for max-margin kinds). */
  readonly margin?: number;
  /** Indices of the examples whose constraints are active at the solution. */
  readonly support?: readonly number[];
}

/** Why a run has no reference solution. */
export interface NoReference {
  /** The kind that was sought. */
  readonly kind: string;
  /** Always null. */
  readonly predictor: null;
  /** A sentence for the user, e.g. that the data are not linearly separable. */
  readonly error: string;
}

/** A reference, or the reason there is none. */
export type ReferenceResult = Reference | NoReference;
