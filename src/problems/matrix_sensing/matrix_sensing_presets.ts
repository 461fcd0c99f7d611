import type { z } from "zod";
import type { Preset } from "../shared/problem_kind.ts";
import type { MatrixSensingSchema } from "./matrix_sensing_schema.ts";

/**
 * The presets of matrix sensing (docs/experiments.md §5): Gaussian sensing in Wu & Rebeschini's setup, completion, and commuting (diagonal) sensing.
 *
 * @returns The presets by name.
 *
 * @example Usage
 * ```ts
 * import { matrixSensingPresets } from "./matrix_sensing_presets.ts";
 * import assert from "node:assert/strict";
 *
 * assert.ok(Object.keys(matrixSensingPresets()).length > 0);
 * ```
 */
export function matrixSensingPresets(): Readonly<Record<string, Preset<z.input<typeof MatrixSensingSchema>>>> {
  return {
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
  };
}
