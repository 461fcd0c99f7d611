import { identity, pipe } from "rxjs";
import type { z } from "zod";
import { testError } from "../../operators/test_error.ts";
import { loadData } from "../shared/load_data.ts";
import { DEFAULT_NET_INIT_SCALE, type ProblemKind } from "../shared/problem_kind.ts";
import { sameWidth } from "../shared/_same_width.ts";
import { convNetMetrics } from "./conv_net_metrics.ts";
import { type LinearConvNet, linearConvNet } from "./linear_conv_net.ts";
import { linearConvNetPresets } from "./linear_conv_net_presets.ts";
import { convNetReference } from "./linear_conv_net_reference.ts";
import { LinearConvNetSchema, type LinearConvNetSpec } from "./linear_conv_net_schema.ts";

/**
 * An L-layer full-width circular convolutional linear net: for L = 2, β goes to the ℓ1-DFT max margin
 * (docs/experiments.md §7). Starts at N(0, 0.1²) weights: 0 is a saddle point.
 *
 * @example Usage
 * ```ts
 * import { linearConvNetKind } from "./linear_conv_net_kind.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(linearConvNetKind.kind, "linear-conv-net");
 * ```
 */
export const linearConvNetKind: ProblemKind<
  "linear-conv-net",
  LinearConvNetSpec,
  z.input<typeof LinearConvNetSchema>,
  LinearConvNet
> = {
  kind: "linear-conv-net",
  schema: LinearConvNetSchema,
  defaultInit: { kind: "gaussian", scale: DEFAULT_NET_INIT_SCALE, seed: 0 },
  compile(spec, options) {
    const data = loadData(spec.data, options);
    return linearConvNet(data, {
      depth: spec.depth,
      loss: spec.loss,
      reduction: spec.reduction,
      test: spec.test
        ? sameWidth(loadData(spec.test, { ...options, path: "problem.test" }), data, "problem.test")
        : null,
    });
  },
  reference: convNetReference,
  analysis: (problem, _run, reference) =>
    pipe(convNetMetrics(problem, reference), problem.test ? testError(problem.test) : identity),
  presets: linearConvNetPresets,
};
