/** A reference solution as the run detail carries it. */
export interface TheoryReference {
  /** `max-margin-l2`, `min-nuclear-norm`, … */
  readonly kind: string;
  /** Shape of the solution ([d] or [rows, cols]). */
  readonly shape: readonly number[];
  /** Its entries, row-major. */
  readonly data: ArrayLike<number>;
  /** Normalized max margin γ̂ of a max-margin reference. */
  readonly margin?: number | undefined;
}
