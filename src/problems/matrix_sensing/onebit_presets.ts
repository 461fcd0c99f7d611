import type { z } from "zod";
import type { Preset } from "../shared/problem_kind.ts";
import type { MatrixSensingSchema } from "./matrix_sensing_schema.ts";

const source = "Gunasekar, Lee, Soudry & Srebro, Implicit bias of gradient descent on linear convolutional networks " +
  "(NeurIPS 2018), matrix factorization with a classification loss; seed slide 21";

/**
 * The presets of 1-bit matrix sensing and completion: a classification loss on X = UUᵀ or UVᵀ (issue 13).
 *
 * @returns The presets by name.
 *
 * @example Usage
 * ```ts
 * import { onebitPresets } from "./onebit_presets.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(onebitPresets()["onebit-completion"]!.spec.problem.loss, "logistic");
 * ```
 */
export function onebitPresets(): Readonly<Record<string, Preset<z.input<typeof MatrixSensingSchema>>>> {
  return {
    "onebit-completion": {
      description:
        "1-bit matrix completion (signs of 40 entries of a rank-2 10×10 matrix), logistic loss on X = UVᵀ: " +
        "GD from a small identity init approaches the minimum nuclear norm max-margin matrix in direction " +
        "(margin_ratio → 1, slowly)",
      source,
      spec: {
        name: "onebit-completion",
        problem: {
          kind: "matrix-sensing",
          n: 10,
          symmetric: false,
          loss: "logistic",
          reduction: "sum",
          measurements: { kind: "completion", m: 40, truthRank: 2, seed: 0 },
        },
        optimizer: { kind: "gd", lr: 0.05 },
        init: { kind: "identity", scale: 1e-3 },
        steps: 100_000,
      },
    },
    "onebit-gaussian": {
      description: "1-bit Gaussian sensing (labels sign⟨Aᵢ, X*⟩, 8 measurements of a rank-1 PSD 5×5 matrix), " +
        "logistic loss on X = UUᵀ: GD's normalized nuclear margin rises toward the min-trace max-margin PSD matrix's " +
        "over decades of steps",
      source,
      spec: {
        name: "onebit-gaussian",
        problem: {
          kind: "matrix-sensing",
          n: 5,
          symmetric: true,
          loss: "logistic",
          reduction: "sum",
          measurements: { kind: "gaussian", m: 8, truthRank: 1, seed: 0 },
        },
        optimizer: { kind: "gd", lr: 0.05 },
        init: { kind: "identity", scale: 1e-3 },
        steps: 100_000,
      },
    },
  };
}
