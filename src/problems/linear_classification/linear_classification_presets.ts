import type { z } from "zod";
import { lpNorm } from "../../math/lp_norm.ts";
import { sigmaMax } from "../../math/sigma_max.ts";
import { separableData } from "../shared/separable_data.ts";
import { soudryFig1 } from "../shared/soudry_fig1.ts";
import type { Preset } from "../shared/problem_kind.ts";
import type { LinearClassificationSchema } from "./linear_classification_schema.ts";

type LinearClassificationPreset = Preset<z.input<typeof LinearClassificationSchema>>;

const fig1Data = { kind: "dataset", name: "soudry-fig1" } as const;

// §2: random separable data, where normalized GD's 1/t rate shows (on the
// symmetric Figure 1 data its direction converges even faster).
const nacsonData = { kind: "separable", n: 20, d: 5, margin: 0.1, seed: 1 } as const;
const nacsonLr = 0.5;

// §3: n < d, where the ℓ1, ℓ2 and ℓ∞ max-margin solutions differ markedly.
const steepestData = { kind: "separable", n: 10, d: 30, margin: 0.1, seed: 1 } as const;

/**
 * η = 1/(B²·L(0)) with B = maxₙ‖zₙ‖_q, the dual norm, and L(0) = n: the step
 * bound of Gunasekar et al. (2018, Theorem 5) for steepest descent w.r.t. ℓp on
 * the exponential loss (the loss only decreases, so it holds at every step).
 */
function steepestLr(q: number): number {
  const { n, d, x } = separableData(steepestData);
  let b = 0;
  for (let i = 0; i < n; i++) b = Math.max(b, lpNorm(x.subarray(i * d, i * d + d), q));
  return 1 / (b * b * n);
}

function steepestPreset(norm: "l1" | "l2" | "linf", q: number, what: string): LinearClassificationPreset {
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

/**
 * The presets of linear classification (docs/experiments.md §1–§3): Soudry et al.'s Figure 1 and its
 * variants, normalized GD, and steepest descent w.r.t. ℓ1, ℓ2, ℓ∞. Built on each call (the step sizes
 * need σ_max of the data), so that importing computes nothing.
 *
 * @returns The presets by name.
 *
 * @example Usage
 * ```ts
 * import { linearClassificationPresets } from "./linear_classification_presets.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(linearClassificationPresets()["soudry-fig1"]!.spec.steps, 1_000_000);
 * ```
 */
export function linearClassificationPresets(): Readonly<Record<string, LinearClassificationPreset>> {
  /** η = 1/σ_max(X) of the Figure 1 data, as in the paper. */
  const fig1Lr = 1 / sigmaMax(soudryFig1().x, 2);
  return {
    "soudry-fig1": {
      description: "GD on separable logistic regression converges in direction to the L2 max-margin SVM",
      source: "Soudry, Hoffer, Nacson, Gunasekar, Srebro (ICLR 2018), Figure 1; seed slide 20",
      spec: {
        name: "soudry-fig1",
        problem: { kind: "linear-classification", loss: "logistic", reduction: "sum", data: fig1Data },
        optimizer: { kind: "gd", lr: fig1Lr, momentum: 0 },
        init: { kind: "zeros" },
        steps: 1_000_000,
        record: { perDecade: 20, everyMs: 1000 },
        backend: "auto",
      },
    },
    "soudry-fig1-momentum": {
      description: "GD with momentum 0.9 reaches the same max-margin direction",
      source: "Soudry et al. (2018), §4; Gunasekar et al. (ICML 2018)",
      spec: {
        name: "soudry-fig1-momentum",
        problem: { kind: "linear-classification", loss: "logistic", reduction: "sum", data: fig1Data },
        optimizer: { kind: "gd", lr: 0.1 * fig1Lr, momentum: 0.9 },
        steps: 1_000_000,
      },
    },
    "soudry-fig1-sgd": {
      description: "SGD (batch 1) on the same data also converges to the max-margin direction",
      source: "Nacson, Srebro, Soudry (AISTATS 2019)",
      spec: {
        name: "soudry-fig1-sgd",
        problem: { kind: "linear-classification", loss: "logistic", reduction: "sum", data: fig1Data },
        optimizer: { kind: "sgd", lr: fig1Lr, batch: 1, seed: 0 },
        steps: 1_000_000,
      },
    },
    "soudry-fig1-exp": {
      description: "The exponential loss gives the same limit direction as the logistic loss",
      source: "Soudry et al. (2018), Theorem 3",
      spec: {
        name: "soudry-fig1-exp",
        problem: { kind: "linear-classification", loss: "exp", reduction: "sum", data: fig1Data },
        optimizer: { kind: "gd", lr: 0.25 * fig1Lr },
        steps: 1_000_000,
      },
    },
    "nacson-normalized-gd": {
      description: "Normalized GD (η/L(w)) on the exponential loss converges in direction like 1/t, not 1/log t",
      source: "Nacson, Lee, Gunasekar, Savarese, Srebro, Soudry (AISTATS 2019)",
      spec: {
        name: "nacson-normalized-gd",
        problem: { kind: "linear-classification", loss: "exp", reduction: "sum", data: fig1Data },
        optimizer: { kind: "normalized-gd", lr: 0.1 },
        steps: 100_000,
      },
    },
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
      description:
        "GD with normalized GD's first step (η/L(w₀)) on the same data: the direction converges like 1/log t",
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
  };
}
