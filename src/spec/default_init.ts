/** An init spec, as {@link defaultInit} returns it. */
export type DefaultInit =
  | { kind: "zeros" }
  | { kind: "identity"; scale: number }
  | { kind: "gaussian"; scale: number; seed: number }
  | { kind: "pytorch"; seed: number };

/** Default U₀ = s·I scale of matrix sensing: X₀ = 10⁻⁶·I, small enough to show the implicit bias. */
export const DEFAULT_IDENTITY_SCALE = 1e-3;

/** Default Gaussian scale of linear and convolutional nets (per weight, seed 0). */
export const DEFAULT_NET_INIT_SCALE = 0.1;

/**
 * The init a run gets when its spec has none. Linear models start at 0. For
 * factorized problems 0 is a saddle point where the gradient vanishes (GD
 * would never move), so matrix sensing starts at U₀ = 10⁻³·I (X₀ = 10⁻⁶·I,
 * Gunasekar et al. 2017) and linear and convolutional nets at i.i.d.
 * N(0, 0.1²) weights with seed 0.
 *
 * @param problem The problem spec (only its `kind` matters).
 * @returns The init spec.
 *
 * @example Usage
 * ```ts
 * import { defaultInit } from "./default_init.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(defaultInit({ kind: "linear-net" }), { kind: "gaussian", scale: 0.1, seed: 0 });
 * ```
 */
export function defaultInit(problem: { kind: string }): DefaultInit {
  switch (problem.kind) {
    case "matrix-sensing":
      return { kind: "identity", scale: DEFAULT_IDENTITY_SCALE };
    case "linear-net":
    case "linear-conv-net":
      return { kind: "gaussian", scale: DEFAULT_NET_INIT_SCALE, seed: 0 };
    case "mlp":
      return { kind: "pytorch", seed: 0 }; // PyTorch's nn.Linear default
    default:
      return { kind: "zeros" };
  }
}
