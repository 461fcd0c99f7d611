import { sigmaMax } from "../math/sigma_max.ts";
import { soudryFig1 } from "../problems/soudry_fig1.ts";
import type { RunSpecInput } from "../spec/run_spec.ts";

/** A named, ready-to-run experiment. */
export interface Preset {
  /** What it shows, in a sentence. */
  readonly description: string;
  /** Where it comes from (paper, slide). */
  readonly source: string;
  /** The run spec. */
  readonly spec: RunSpecInput;
}

const fig1Data = { kind: "dataset", name: "soudry-fig1" } as const;
/** η = 1/σ_max(X) of the Figure 1 data, as in the paper. */
const fig1Lr = 1 / sigmaMax(soudryFig1().x, 2);
/** One example whose spectrum peaks at frequency 2 of 8 (|x̂₂| ≈ 1.11, next 0.35): the conv-net experiment. */
const oneExample = { kind: "points" as const, x: [[0.9, -0.4, -0.7, 0.5, 0.6, -0.8, -0.3, 0.2]], y: [1] };

/**
 * The presets that ship with biasflow, by name.
 *
 * @example Usage
 * ```ts
 * import { PRESETS } from "./presets.ts";
 * import assert from "node:assert/strict";
 *
 * assert.ok("soudry-fig1" in PRESETS);
 * ```
 */
export const PRESETS: Readonly<Record<string, Preset>> = {
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
  "matrix-sensing": {
    description: "GD on X = UUᵀ from U₀ = √α·I approaches the minimum nuclear norm solution as α → 0 " +
      "(sweep init.scale over √α for α = 1e-1 … 1e-5)",
    source: "Gunasekar, Woodworth, Bhojanapalli, Neyshabur, Srebro (NeurIPS 2017); setup and instance " +
      "(np.random.seed(1)) of Wu & Rebeschini (NeurIPS 2021); seed slides 12–18",
    spec: {
      name: "matrix-sensing",
      problem: {
        kind: "matrix-sensing",
        n: 50,
        symmetric: true,
        reduction: "mean",
        measurements: { kind: "gaussian", m: 750, truthRank: 5, seed: 1, scale: 1, rng: "numpy" },
      },
      optimizer: { kind: "gd", lr: 1 },
      init: { kind: "identity", scale: Math.sqrt(1e-3) },
      steps: 5000,
    },
  },
  "matrix-completion": {
    description:
      "Matrix completion with X = UUᵀ from a small identity init approaches the minimum nuclear norm completion",
    source: "Gunasekar et al. (NeurIPS 2017); completion setup of Wu & Rebeschini (NeurIPS 2021, step 2000/4)",
    spec: {
      name: "matrix-completion",
      problem: {
        kind: "matrix-sensing",
        n: 50,
        measurements: { kind: "completion", m: 750, truthRank: 5, seed: 1 },
      },
      optimizer: { kind: "gd", lr: 500 },
      init: { kind: "identity", scale: Math.sqrt(1e-5) },
      steps: 5000,
    },
  },
  "matrix-sensing-diagonal": {
    description: "With commuting (diagonal) Aᵢ, GD on U is mirror descent with an entropy potential: the limit " +
      "approaches the ℓ1-minimal (LP) solution slowly, like 1/log(1/α)",
    source: "Gunasekar et al. (NeurIPS 2017), Theorem 1; seed slides 16–18",
    spec: {
      name: "matrix-sensing-diagonal",
      problem: {
        kind: "matrix-sensing",
        n: 20,
        measurements: { kind: "diagonal", m: 8, truthRank: 2, seed: 1 },
      },
      optimizer: { kind: "gd", lr: 0.1 },
      init: { kind: "identity", scale: 1e-4 },
      steps: 20_000,
    },
  },
  "deep-linear-net": {
    description:
      "A depth-3 linear net's end-to-end predictor W₃W₂W₁ converges in direction to the L2 max-margin SVM, " +
      "as a linear model does (sweep problem.depth)",
    source: "Ji & Telgarsky (ICLR 2019); Gunasekar, Lee, Soudry, Srebro (NeurIPS 2018); seed slides 22–23",
    spec: {
      name: "deep-linear-net",
      problem: {
        kind: "linear-net",
        depth: 3,
        loss: "logistic",
        reduction: "sum",
        data: { kind: "separable", n: 20, d: 5, margin: 0.1, seed: 1 },
      },
      optimizer: { kind: "gd", lr: 0.05 },
      init: { kind: "gaussian", scale: 0.1, seed: 0 },
      steps: 1_000_000,
    },
  },
  "linear-conv-net": {
    description: "A two-layer linear convolutional net on one example puts β's spectrum on the example's strongest " +
      "frequency: the ℓ1-DFT max margin",
    source: "Gunasekar, Lee, Soudry, Srebro (NeurIPS 2018), Theorem 2; seed slide 11",
    spec: {
      name: "linear-conv-net",
      problem: { kind: "linear-conv-net", depth: 2, loss: "logistic", reduction: "sum", data: oneExample },
      optimizer: { kind: "gd", lr: 0.05 },
      init: { kind: "gaussian", scale: 0.01, seed: 0 },
      steps: 100_000,
    },
  },
  "linear-net-one-example": {
    description: "The fully connected two-layer linear net on the same example keeps β ∝ x (the L2 max margin)",
    source: "Gunasekar, Lee, Soudry, Srebro (NeurIPS 2018), the contrast with Theorem 2; seed slide 11",
    spec: {
      name: "linear-net-one-example",
      problem: { kind: "linear-net", depth: 2, loss: "logistic", reduction: "sum", data: oneExample },
      optimizer: { kind: "gd", lr: 0.05 },
      init: { kind: "gaussian", scale: 0.01, seed: 0 },
      steps: 100_000,
    },
  },
};

/**
 * A copy of a preset's spec, safe to modify.
 *
 * @param name The preset's name.
 * @returns Its run spec.
 * @throws {RangeError} naming the known presets when `name` is not one.
 *
 * @example Usage
 * ```ts
 * import { presetSpec } from "./presets.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(presetSpec("soudry-fig1").steps, 1_000_000);
 * ```
 */
export function presetSpec(name: string): RunSpecInput {
  const preset = Object.hasOwn(PRESETS, name) ? PRESETS[name] : undefined;
  if (!preset) {
    throw new RangeError(`Unknown preset ${JSON.stringify(name)}; the presets are ${Object.keys(PRESETS).join(", ")}`);
  }
  return structuredClone(preset.spec);
}
