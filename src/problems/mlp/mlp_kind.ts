import type { z } from "zod";
import type { ProblemKind } from "../shared/problem_kind.ts";
import { compileMlp } from "./compile_mlp.ts";
import type { Mlp } from "./mlp.ts";
import { mlpMetrics } from "./mlp_metrics.ts";
import { mlpPresets } from "./mlp_presets.ts";
import { MlpSchema, type MlpSpec } from "./mlp_schema.ts";

/**
 * Multilayer perceptrons on labelled data (docs/experiments.md §9–§11): the width sweep on MNIST, Path-SGD, and
 * the normalized margin of homogeneous nets. Starts at PyTorch's `nn.Linear` init; no reference solution (the
 * limits of network training are not known in closed form), the metrics of {@link mlpMetrics}.
 *
 * @example Usage
 * ```ts
 * import { mlpKind } from "./mlp_kind.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(mlpKind.defaultInit, { kind: "pytorch", seed: 0 });
 * ```
 */
export const mlpKind: ProblemKind<"mlp", MlpSpec, z.input<typeof MlpSchema>, Mlp> = {
  kind: "mlp",
  schema: MlpSchema,
  defaultInit: { kind: "pytorch", seed: 0 },
  compile: (spec, options) => compileMlp(spec, options),
  reference: (_problem, run) =>
    Promise.resolve({
      kind: "none",
      predictor: null,
      error: `No reference solution is known for mlp with ${run.spec.optimizer.kind}`,
    }),
  analysis: (problem) => mlpMetrics(problem),
  presets: mlpPresets,
};
