import type { z } from "zod";
import type { Preset } from "../shared/problem_kind.ts";
import { ONE_EXAMPLE as oneExample } from "../shared/one_example.ts";
import type { LinearNetSchema } from "./linear_net_schema.ts";

/**
 * The presets of deep linear nets (docs/experiments.md §6 and §7's contrast): depth 3 on separable data, depth 2 on one example.
 *
 * @returns The presets by name.
 *
 * @example Usage
 * ```ts
 * import { linearNetPresets } from "./linear_net_presets.ts";
 * import assert from "node:assert/strict";
 *
 * assert.ok(Object.keys(linearNetPresets()).length > 0);
 * ```
 */
export function linearNetPresets(): Readonly<Record<string, Preset<z.input<typeof LinearNetSchema>>>> {
  return {
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
}
