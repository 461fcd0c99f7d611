import type { z } from "zod";
import type { Preset } from "../shared/problem_kind.ts";
import type { LeastSquaresSchema } from "./least_squares_schema.ts";

type LeastSquaresPreset = Preset<z.input<typeof LeastSquaresSchema>>;

// §4: the example of Gunasekar et al. (ICML 2018, §2): x₁ = (1, 1, 1), y₁ = 1; x₂ = (1, 2, 0), y₂ = 10.
const gunasekarLsq = { kind: "points" as const, x: [[1, 1, 1], [1, 2, 0]], y: [1, 10] };

// §8: Wilson et al. (2017), n = 30 training points (20 positive for this seed), fresh test points.
const wilson = {
  kind: "least-squares",
  reduction: "sum",
  data: { kind: "wilson", n: 30, p: 0.75, seed: 1 },
  test: { kind: "wilson", n: 1000, p: 0.75, seed: 2 },
} as const;

function lsqPreset(name: string, description: string, optimizer: Preset["spec"]["optimizer"]): LeastSquaresPreset {
  return {
    description,
    source: "Gunasekar, Lee, Soudry, Srebro (ICML 2018), §2; seed slide 19",
    spec: {
      name,
      problem: { kind: "least-squares", reduction: "sum", data: gunasekarLsq },
      optimizer,
      steps: 20_000,
    },
  };
}

function wilsonPreset(
  name: string,
  description: string,
  optimizer: Preset["spec"]["optimizer"],
  steps: number,
): LeastSquaresPreset {
  return {
    description,
    source: "Wilson, Roelofs, Stern, Srebro, Recht (NeurIPS 2017), §3.3; seed slide 8",
    spec: { name, problem: wilson, optimizer, steps },
  };
}

/**
 * The presets of least squares (docs/experiments.md §4 and §8): what each method's limit depends on, and
 * Wilson et al.'s construction where adaptive methods generalize worse.
 *
 * @returns The presets by name.
 *
 * @example Usage
 * ```ts
 * import { leastSquaresPresets } from "./least_squares_presets.ts";
 * import assert from "node:assert/strict";
 *
 * assert.ok("lsq-gd" in leastSquaresPresets());
 * ```
 */
export function leastSquaresPresets(): Readonly<Record<string, LeastSquaresPreset>> {
  return {
    "lsq-gd": lsqPreset(
      "lsq-gd",
      "GD on underdetermined least squares reaches w₀ + X⁺(y − Xw₀), whatever the step size",
      { kind: "gd", lr: 0.03 },
    ),
    "lsq-momentum": lsqPreset(
      "lsq-momentum",
      "GD with momentum 0.9 reaches the same minimum-norm interpolant",
      { kind: "gd", lr: 0.003, momentum: 0.9 },
    ),
    "lsq-adagrad": lsqPreset(
      "lsq-adagrad",
      "AdaGrad on underdetermined least squares: the limit depends on the step size and is not minimum-norm",
      { kind: "adagrad", lr: 0.3 },
    ),
    "lsq-steepest-4-3": lsqPreset(
      "lsq-steepest-4-3",
      "Steepest descent w.r.t. ℓ4/3: not the minimum-ℓ4/3 interpolant, and step-size dependent",
      { kind: "steepest", norm: 4 / 3, lr: 0.03 },
    ),
    "lsq-coordinate": lsqPreset(
      "lsq-coordinate",
      "Cyclic coordinate descent: a step-size-dependent limit (the Lasso/LARS connection)",
      { kind: "coordinate", rule: "cyclic", lr: 0.03 },
    ),
    "lsq-mirror-1.5": lsqPreset(
      "lsq-mirror-1.5",
      "Mirror descent with ½‖w‖²_1.5 from 0 reaches the minimum-ℓ1.5 interpolant, whatever the step size",
      { kind: "mirror", p: 1.5, lr: 0.03 },
    ),
    "wilson-adagrad": wilsonPreset(
      "wilson-adagrad",
      "AdaGrad reaches ¼·sign(Xᵀy), which predicts +1 everywhere: test error = the share of negatives",
      { kind: "adagrad", lr: 0.1 },
      20_000,
    ),
    "wilson-rmsprop": wilsonPreset(
      "wilson-rmsprop",
      "RMSProp, like AdaGrad, ends near ¼·sign(Xᵀy) and predicts +1 everywhere",
      { kind: "rmsprop", lr: 0.001 },
      20_000,
    ),
    "wilson-adam": wilsonPreset(
      "wilson-adam",
      "Adam, like AdaGrad, ends near ¼·sign(Xᵀy) and predicts +1 everywhere",
      { kind: "adam", lr: 0.01 },
      20_000,
    ),
    "wilson-gd": wilsonPreset(
      "wilson-gd",
      "GD reaches the minimum-norm interpolant, which classifies every new point correctly",
      { kind: "gd", lr: 0.02 },
      20_000,
    ),
    "wilson-sgd": wilsonPreset(
      "wilson-sgd",
      "SGD (batch 1) reaches the same minimum-norm interpolant as GD: test error 0",
      { kind: "sgd", lr: 0.05, batch: 1, seed: 0 },
      20_000,
    ),
  };
}
