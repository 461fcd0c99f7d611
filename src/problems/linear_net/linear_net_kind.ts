import type { z } from "zod";
import { minMargin } from "../../math/min_margin.ts";
import { classificationMetrics } from "../../operators/classification_metrics.ts";
import { loadData } from "../shared/load_data.ts";
import { DEFAULT_NET_INIT_SCALE, type ProblemKind } from "../shared/problem_kind.ts";
import { sameWidth } from "../shared/_same_width.ts";
import { type LinearNet, linearNet } from "./linear_net.ts";
import { linearNetPresets } from "./linear_net_presets.ts";
import { linearNetReference } from "./linear_net_reference.ts";
import { LinearNetSchema, type LinearNetSpec } from "./linear_net_schema.ts";

/**
 * A fully connected deep linear net on binary classification data: β = (W_L⋯W₁)ᵀ goes to the ℓ2 max margin
 * whatever the depth (docs/experiments.md §6). Starts at N(0, 0.1²) weights: 0 is a saddle point.
 *
 * @example Usage
 * ```ts
 * import { linearNetKind } from "./linear_net_kind.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(linearNetKind.kind, "linear-net");
 * ```
 */
export const linearNetKind: ProblemKind<"linear-net", LinearNetSpec, z.input<typeof LinearNetSchema>, LinearNet> = {
  kind: "linear-net",
  schema: LinearNetSchema,
  defaultInit: { kind: "gaussian", scale: DEFAULT_NET_INIT_SCALE, seed: 0 },
  compile(spec, options) {
    const data = loadData(spec.data, options);
    const width = spec.width ?? data.d;
    return linearNet(data, {
      widths: typeof width === "number" ? Array.from({ length: spec.depth - 1 }, () => width) : width,
      loss: spec.loss,
      reduction: spec.reduction,
      test: spec.test
        ? sameWidth(loadData(spec.test, { ...options, path: "problem.test" }), data, "problem.test")
        : null,
    });
  },
  reference: linearNetReference,
  analysis(problem, run, reference) {
    const marginOf = (w: Float64Array, p: number) => minMargin(problem.z, w, p);
    return classificationMetrics(run, marginOf, problem.test, reference);
  },
  presets: linearNetPresets,
};
