import { PROBLEM_KINDS, type ProblemKindName } from "../problems/problem_kinds.ts";
import type { DefaultInit } from "../problems/shared/problem_kind.ts";

/**
 * The init a run gets when its spec has none. Linear models start at 0. For
 * factorized problems 0 is a saddle point where the gradient vanishes (GD
 * would never move), so matrix sensing starts at U₀ = 10⁻³·I (X₀ = 10⁻⁶·I,
 * Gunasekar et al. 2017) and linear and convolutional nets at i.i.d.
 * N(0, 0.1²) weights with seed 0.
 *
 * @param problem The problem spec (only its `kind` matters: each kind's descriptor names its default).
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
export function defaultInit(problem: { kind: ProblemKindName }): DefaultInit {
  return PROBLEM_KINDS[problem.kind].defaultInit;
}
