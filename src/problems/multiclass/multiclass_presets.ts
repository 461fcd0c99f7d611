import type { z } from "zod";
import { sigmaMax } from "../../math/sigma_max.ts";
import { separableMulticlassData } from "../shared/separable_multiclass_data.ts";
import type { Preset } from "../shared/problem_kind.ts";
import type { MulticlassSchema } from "./multiclass_schema.ts";

/**
 * The multiclass preset (docs/experiments.md §3): GD on separable 3-class data, η = 1/σ_max(X)². Built on
 * each call.
 *
 * @returns The presets by name.
 *
 * @example Usage
 * ```ts
 * import { multiclassPresets } from "./multiclass_presets.ts";
 * import assert from "node:assert/strict";
 *
 * assert.ok("soudry-multiclass" in multiclassPresets());
 * ```
 */
export function multiclassPresets(): Readonly<Record<string, Preset<z.input<typeof MulticlassSchema>>>> {
  const multiclassData = { kind: "separable", n: 30, d: 5, classes: 3, margin: 0.1, seed: 1 } as const;
  const multiclassLr = 1 / sigmaMax(separableMulticlassData(multiclassData).x, multiclassData.d) ** 2;
  return {
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
  };
}
