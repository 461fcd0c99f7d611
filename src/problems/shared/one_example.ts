/**
 * One example whose spectrum peaks at frequency 2 of 8 (|x̂₂| ≈ 1.11, next 0.35): the data on which
 * docs/experiments.md §7 compares the convolutional net with the fully connected one.
 */
export const ONE_EXAMPLE = { kind: "points" as const, x: [[0.9, -0.4, -0.7, 0.5, 0.6, -0.8, -0.3, 0.2]], y: [1] };
