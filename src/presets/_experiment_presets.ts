import { lpNorm } from "../math/lp_norm.ts";
import { sigmaMax } from "../math/sigma_max.ts";
import { separableData } from "../problems/separable_data.ts";
import { separableMulticlassData } from "../problems/separable_multiclass_data.ts";
import type { Preset } from "./presets.ts";

// §2: random separable data, where normalized GD's 1/t rate shows (on the
// symmetric Figure 1 data its direction converges even faster).
const nacsonData = { kind: "separable", n: 20, d: 5, margin: 0.1, seed: 1 } as const;
const nacsonLr = 0.5;

// §3: n < d, where the ℓ1, ℓ2 and ℓ∞ max-margin solutions differ markedly.
const steepestData = { kind: "separable", n: 10, d: 30, margin: 0.1, seed: 1 } as const;
const steepestZ = separableData(steepestData);

/**
 * η = 1/(B²·L(0)) with B = maxₙ‖zₙ‖_q, the dual norm, and L(0) = n: the step
 * bound of Gunasekar et al. (2018, Theorem 5) for steepest descent w.r.t. ℓp on
 * the exponential loss (the loss only decreases, so it holds at every step).
 */
function steepestLr(q: number): number {
  const { n, d, x } = steepestZ;
  let b = 0;
  for (let i = 0; i < n; i++) b = Math.max(b, lpNorm(x.subarray(i * d, i * d + d), q));
  return 1 / (b * b * n);
}

const multiclassData = { kind: "separable", n: 30, d: 5, classes: 3, margin: 0.1, seed: 1 } as const;
const multiclassLr = 1 / sigmaMax(separableMulticlassData(multiclassData).x, multiclassData.d) ** 2;

// §4: the example of Gunasekar et al. (ICML 2018, §2): x₁ = (1, 1, 1), y₁ = 1; x₂ = (1, 2, 0), y₂ = 10.
const gunasekarLsq = { kind: "points" as const, x: [[1, 1, 1], [1, 2, 0]], y: [1, 10] };

// §8: Wilson et al. (2017), n = 30 training points (20 positive for this seed), fresh test points.
const wilson = {
  kind: "least-squares",
  reduction: "sum",
  data: { kind: "wilson", n: 30, p: 0.75, seed: 1 },
  test: { kind: "wilson", n: 1000, p: 0.75, seed: 2 },
} as const;

function steepestPreset(norm: "l1" | "l2" | "linf", q: number, what: string): Preset {
  return {
    description: `Steepest descent w.r.t. ${what} on separable data (n < d) reaches the ${what} max margin`,
    source: "Gunasekar, Lee, Soudry, Srebro (ICML 2018), Theorem 5; seed slide 21",
    spec: {
      name: `gunasekar-steepest-${norm}`,
      problem: { kind: "linear-classification", loss: "exp", reduction: "sum", data: steepestData },
      optimizer: { kind: "steepest", norm, lr: steepestLr(q) },
      steps: 300_000,
    },
  };
}

function lsqPreset(name: string, description: string, optimizer: Preset["spec"]["optimizer"]): Preset {
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
): Preset {
  return {
    description,
    source: "Wilson, Roelofs, Stern, Srebro, Recht (NeurIPS 2017), §3.3; seed slide 8",
    spec: { name, problem: wilson, optimizer, steps },
  };
}

/** The presets of experiments §2–§4 and §8 (merged into `PRESETS`). */
export const EXPERIMENT_PRESETS: Readonly<Record<string, Preset>> = {
  "nacson-normalized-gd-gaussian": {
    description: "Normalized GD on random separable data: the direction converges like 1/t",
    source: "Nacson, Lee, Gunasekar, Savarese, Srebro, Soudry (AISTATS 2019)",
    spec: {
      name: "nacson-normalized-gd-gaussian",
      problem: { kind: "linear-classification", loss: "exp", reduction: "sum", data: nacsonData },
      optimizer: { kind: "normalized-gd", lr: nacsonLr },
      steps: 10_000,
    },
  },
  "nacson-gd-gaussian": {
    description: "GD with normalized GD's first step (η/L(w₀)) on the same data: the direction converges like 1/log t",
    source: "Soudry et al. (2018); Nacson et al. (AISTATS 2019)",
    spec: {
      name: "nacson-gd-gaussian",
      problem: { kind: "linear-classification", loss: "exp", reduction: "sum", data: nacsonData },
      optimizer: { kind: "gd", lr: nacsonLr / nacsonData.n },
      steps: 10_000,
    },
  },
  "gunasekar-steepest-l1": steepestPreset("l1", Infinity, "ℓ1"),
  "gunasekar-steepest-l2": steepestPreset("l2", 2, "ℓ2"),
  "gunasekar-steepest-linf": steepestPreset("linf", 1, "ℓ∞"),
  "soudry-multiclass": {
    description: "GD on separable 3-class softmax cross-entropy converges in direction to the multiclass SVM",
    source: "Soudry et al. (JMLR 2018), §4.1; Crammer & Singer (2001)",
    spec: {
      name: "soudry-multiclass",
      problem: { kind: "multiclass", reduction: "sum", data: multiclassData },
      optimizer: { kind: "gd", lr: multiclassLr },
      steps: 100_000,
    },
  },
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
