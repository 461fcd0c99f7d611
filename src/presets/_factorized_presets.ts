import type { Preset } from "./presets.ts";

// §7: one example whose spectrum peaks at frequency 2 of 8 (|x̂₂| ≈ 1.11, next 0.35).
const oneExample = { kind: "points" as const, x: [[0.9, -0.4, -0.7, 0.5, 0.6, -0.8, -0.3, 0.2]], y: [1] };

/** The presets of experiments.md §5–§7: matrix sensing, deep linear nets, linear convolutional nets. */
export const FACTORIZED_PRESETS: Readonly<Record<string, Preset>> = {
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
