import type { z } from "zod";
import type { Preset } from "../shared/problem_kind.ts";
import { ONE_EXAMPLE as oneExample } from "../shared/one_example.ts";
import type { LinearConvNetSchema } from "./linear_conv_net_schema.ts";

/**
 * The preset of linear convolutional nets (docs/experiments.md §7): two layers on one example.
 *
 * @returns The presets by name.
 *
 * @example Usage
 * ```ts
 * import { linearConvNetPresets } from "./linear_conv_net_presets.ts";
 * import assert from "node:assert/strict";
 *
 * assert.ok(Object.keys(linearConvNetPresets()).length > 0);
 * ```
 */
export function linearConvNetPresets(): Readonly<Record<string, Preset<z.input<typeof LinearConvNetSchema>>>> {
  return {
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
  };
}
